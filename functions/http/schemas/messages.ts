// Inputs of GET /messages.
import * as z from 'zod/mini';

export const ListMessagesQuery = z.object({
  phone: z.string().check(z.minLength(1), z.maxLength(40)),
});

/** POST /messages/resend: the county's failed SMS (since a time), sent again. */
export const ResendMessagesBody = z.object({
  county: z.optional(z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'))),
  status: z.literal('failed'),
  since: z.optional(z.iso.datetime({ offset: true })),
});
