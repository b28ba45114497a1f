// Inputs of GET /messages.
import * as z from 'zod/mini';

export const ListMessagesQuery = z.object({
  phone: z.string().check(z.minLength(1), z.maxLength(40)),
});
