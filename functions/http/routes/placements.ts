// The employer's side of arrival (issue #18): the workers coming to a vacancy, and confirming each at work
// (POST /offers/{id}/placed) or never arrived (POST /offers/{id}/not-arrived). The vacancy's employer sees
// and confirms its workers; a coordinator those of their own county; admin everyone.
import { ForbiddenError } from '#domain/errors.js';
import type { Deps } from '#services/deps.js';
import { getVacancy } from '#services/manage-vacancies.js';
import { getOffer } from '#services/offer-actions.js';
import { toOfferView } from '#services/offer-view.js';
import { confirmNotArrived, confirmPlaced } from '#services/placement.js';
import { vacancyWorkers } from '#services/vacancy-workers.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, assertCountyAccess, type Principal } from '../principal.js';

type Staff = Extract<Principal, { role: 'coordinator' | 'employer' | 'admin' }>;

export async function vacancyWorkersRoute(deps: Deps, event: HttpEvent, who: Staff): Promise<HttpResult> {
  const vacancy = await getVacancy(deps, event.pathParameters?.id ?? '');
  if (who.role === 'employer') {
    if (vacancy.employerId !== who.employerId) throw new ForbiddenError('无权查看其他单位岗位的人员');
    return jsonResponse(200, await vacancyWorkers(deps, vacancy.id));
  }
  if (who.role === 'admin') return jsonResponse(200, await vacancyWorkers(deps, vacancy.id));
  // A coordinator sees the workers from their own county, wherever the job is.
  const mine = await vacancyWorkers(deps, vacancy.id, who.county);
  if (mine.length === 0 && vacancy.county !== who.county) throw new ForbiddenError('该岗位没有本县的务工人员');
  return jsonResponse(200, mine);
}

async function offerForConfirmation(deps: Deps, event: HttpEvent, who: Staff) {
  const offer = await getOffer(deps, event.pathParameters?.id ?? '');
  if (who.role === 'employer') {
    const vacancy = await getVacancy(deps, offer.vacancyId);
    if (vacancy.employerId !== who.employerId) throw new ForbiddenError('只能确认本单位岗位的人员');
  } else {
    assertCountyAccess(who, offer.county);
  }
  return offer;
}

export async function placedRoute(deps: Deps, event: HttpEvent, who: Staff): Promise<HttpResult> {
  const offer = await offerForConfirmation(deps, event, who);
  await confirmPlaced(deps, offer, actorOf(who));
  return jsonResponse(200, toOfferView(await getOffer(deps, offer.offerId)));
}

export async function notArrivedRoute(deps: Deps, event: HttpEvent, who: Staff): Promise<HttpResult> {
  const offer = await offerForConfirmation(deps, event, who);
  await confirmNotArrived(deps, offer, actorOf(who));
  return jsonResponse(200, toOfferView(await getOffer(deps, offer.offerId)));
}
