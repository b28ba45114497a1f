// Inputs of the .xlsx exports (GET /offers.xlsx takes GET /offers's query).
import * as z from 'zod/mini';
import { LABOURER_STATUSES } from '#store/entities/labourer.js';

export const ExportLabourersQuery = z.object({
  county: z.optional(z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'))),
  status: z.optional(z.enum(LABOURER_STATUSES)),
});
