// /offers/{id}/…: a coordinator withdraws an open offer, re-sends its SMS, or extends its deadline;
// each answers the offer as it is now.
import type { Deps } from '#services/deps.js';
import { extendOffer, getOffer, resendOffer, withdrawOffer } from '#services/offer-actions.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { assertCountyAccess, type Principal } from '../principal.js';
import { ExtendOfferBody } from '../schemas/offers.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

/** The offer, if it concerns a labourer of the caller's county. */
async function offerInScope(deps: Deps, event: HttpEvent, who: CountyStaff) {
  const offer = await getOffer(deps, event.pathParameters?.id ?? '');
  assertCountyAccess(who, offer.county);
  return offer;
}

export async function withdrawOfferRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  return jsonResponse(200, await withdrawOffer(deps, await offerInScope(deps, event, who)));
}

export async function resendOfferRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  return jsonResponse(200, await resendOffer(deps, await offerInScope(deps, event, who)));
}

export async function extendOfferRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const { hours } = validate(ExtendOfferBody, event.body, '延长期限');
  return jsonResponse(200, await extendOffer(deps, await offerInScope(deps, event, who), hours));
}
