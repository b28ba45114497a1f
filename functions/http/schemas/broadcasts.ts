// Inputs of POST /broadcasts, POST /broadcasts/preview and GET /broadcasts.
import * as z from 'zod/mini';
import { LABOURER_STATUSES } from '#store/entities/labourer.js';

const county = z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'));
/** The message names the field: the API's summary line lists the messages alone. */
const id = (what: string) => z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, `${what}不对：请从列表中选择`));

export const BroadcastSegmentSchema = z.object({
  status: z.optional(z.enum(LABOURER_STATUSES)),
  destination: z.optional(z.string().check(z.regex(/^\d{2}(\d{2}){0,2}$/, '意向地应为 2、4 或 6 位行政区划代码'))),
  vacancyId: z.optional(id('岗位')),
  tripId: z.optional(id('车次')),
  pickup: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
  poverty: z.optional(z.boolean()),
  watch: z.optional(z.boolean()),
});

export const BroadcastBody = z.object({
  county: z.optional(county),
  segment: z._default(BroadcastSegmentSchema, {}),
  text: z.string().check(z.maxLength(1000)),
  sendAt: z.optional(z.iso.datetime({ offset: true })),
});

export const ListBroadcastsQuery = z.object({ county: z.optional(county) });
