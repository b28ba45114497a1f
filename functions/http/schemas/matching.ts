// Inputs of the matching and offer routes.
import * as z from 'zod/mini';
import { countyByCode } from '#domain/divisions.js';
import { OFFER_STATUSES } from '#store/entities/offer.js';

const county = z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'));

export const MatchingRunBody = z.object({ county });

/** A county that exists (GB/T 2260); a malformed code gets one message, not two. */
const knownCounty = z
  .string()
  .check(
    z.regex(/^\d{6}$/, { error: '应为 6 位县级行政区划代码', abort: true }),
    z.refine((code) => countyByCode(code) !== undefined, '不是县级行政区划代码'),
  );

/** Omitted or empty counties: every county of the country. */
export const NationalRunBody = z.object({ counties: z.optional(z.array(knownCounty).check(z.maxLength(5000))) });

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
