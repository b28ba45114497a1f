// Inputs of the matching and offer routes.
import * as z from 'zod/mini';
import { ID_PATTERN } from '#adapters/ids.js';
import { countyByCode } from '#domain/divisions.js';
import { UNMATCHED_REASONS, type UnmatchedReason } from '#domain/matching/index.js';
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

const recordId = z.string().check(z.regex(ID_PATTERN, '编号不对'));

export const ListOffersQuery = z.object({
  county: z.optional(county),
  status: z.optional(z.enum(OFFER_STATUSES)),
  vacancyId: z.optional(recordId),
});

const reason = z.enum(UNMATCHED_REASONS);

/** `?reason=` one reason only; `?cursor=` as the previous page's x-next-cursor: `<reason>.<part>`. */
export const UnmatchedQuery = z.object({
  reason: z.optional(reason),
  cursor: z.optional(
    z.pipe(
      z.string().check(z.regex(new RegExp(`^(${UNMATCHED_REASONS.join('|')})\\.\\d{1,6}$`), '翻页游标无效，请不带 cursor 从第一页重新查询')),
      z.transform((value: string) => {
        const [code, part] = value.split('.');
        return { reason: code as UnmatchedReason, part: Number(part) };
      }),
    ),
  ),
});

/** A scheduled job's input: the counties this deployment serves (EventBridge Scheduler passes it). */
export const CountiesEvent = z.object({
  county: z.optional(county),
  counties: z.optional(z.array(county)),
});
