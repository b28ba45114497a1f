// The body of an inbound two-way SMS as AWS End User Messaging SMS publishes it to SNS (raw delivery
// to SQS puts it in the record body unchanged).
import * as z from 'zod/mini';

export const InboundSmsNotification = z.object({
  originationNumber: z.string().check(z.minLength(1), z.maxLength(32)),
  destinationNumber: z.optional(z.string()),
  messageBody: z.string().check(z.maxLength(2000)),
  inboundMessageId: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type InboundSmsNotification = z.infer<typeof InboundSmsNotification>;
