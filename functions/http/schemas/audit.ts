// Inputs of GET /audit.
import * as z from 'zod/mini';

export const AuditQuery = z.object({
  county: z.optional(z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'))),
  /** `labourer:<id>`, `vacancy:<id>`, `trip:<id>` or `county:<code>`. */
  target: z.optional(z.string().check(z.regex(/^(labourer|vacancy|trip|county):[0-9A-Z]{6,26}$/, '应为 labourer:<id>、vacancy:<id>、trip:<id> 或 county:<县代码>'))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
