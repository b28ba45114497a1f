// Inputs of the matching and offer routes.
import * as z from 'zod/mini';
import { OFFER_STATUSES } from '#store/entities/offer.js';

const county = z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'));

export const MatchingRunBody = z.object({ county });

export const CountyQuery = z.object({ county: z.optional(county) });

export const ListOffersQuery = z.object({
  county: z.optional(county),
  status: z.optional(z.enum(OFFER_STATUSES)),
});

/** A scheduled job's input: the counties this deployment serves (EventBridge Scheduler passes it). */
export const CountiesEvent = z.object({
  county: z.optional(county),
  counties: z.optional(z.array(county)),
});
