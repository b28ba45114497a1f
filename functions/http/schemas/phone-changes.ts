// Inputs of the 换号 routes.
import * as z from 'zod/mini';
import { PHONE_CHANGE_STATUSES } from '#store/entities/phone-change.js';

export const ListPhoneChangesQuery = z.object({
  county: z.optional(z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'))),
  status: z._default(z.enum(PHONE_CHANGE_STATUSES), 'pending'),
});
