// Inputs of the offer actions.
import * as z from 'zod/mini';
import { MAX_DEADLINE_HOURS } from '#services/offer-actions.js';

export const ExtendOfferBody = z.object({
  hours: z.number().check(z.int('应为整数小时'), z.minimum(1, '至少延长 1 小时'), z.maximum(MAX_DEADLINE_HOURS, '最多延长 168 小时（7 天）')),
});
