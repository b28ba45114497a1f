// The one port every outbound SMS goes through. Deployed: Amazon SNS; locally: the in-process sink.
// A deployment where SNS SMS is unavailable (AWS China regions) swaps the adapter, not the code.
export interface OutboundSms {
  /** Outbox message id: the idempotency key of the send. */
  messageId: string;
  /** E.164. */
  to: string;
  body: string;
  /** The inbound SMS this answers, if any: the local phone simulator collects replies by it. */
  causedBy?: string;
}

export interface SmsSender {
  send(sms: OutboundSms): Promise<{ providerMessageId: string }>;
}

/** The provider refused the message for good (bad number, blocked destination): retrying cannot help. */
export class PermanentSmsError extends Error {
  override name = 'PermanentSmsError';
}
