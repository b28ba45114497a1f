// Inputs of the after-the-bus routes (issue #18): the roll call, the escort's token, the placements report.
import * as z from 'zod/mini';
import { ID_PATTERN } from '#adapters/ids.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import { displayText, isoDate } from './fields.js';

export const BoardingBody = z.object({
  labourerId: z.string().check(z.regex(ID_PATTERN, '应为劳动者编号')),
  present: z.boolean('应为 true（已上车）或 false（未到）'),
});

export const EscortTokenBody = z.object({
  /** The escort's name and mobile: passengers are given them at departure. */
  name: z.optional(displayText(2, 20)),
  phone: z.optional(
    z.string().check(z.maxLength(40), z.refine((v) => normalizeMainlandMobile(v).ok, '应为 11 位大陆手机号')),
  ),
});

export const PlacementsReportQuery = z.object({
  county: z.optional(z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'))),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  /** `publicity`: the 公示 sheet alone (name, masked ID, employer, date). */
  kind: z.optional(z.enum(['ledger', 'publicity'])),
});
