// The one port every outbound SMS goes through. Deployed: Amazon SNS (global profile) or Alibaba Cloud SMS
// (China profile, where SNS has no SMS); locally: the in-process sink. Only the adapter differs.
export interface OutboundSms {
  /** Outbox message id: the idempotency key of the send. */
  messageId: string;
  /** E.164. */
  to: string;
  body: string;
  /** The template it was rendered from and its variables: providers that send only approved templates need these. */
  template?: string;
  vars?: Record<string, string>;
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

/** The provider will not deliver to this number (it is on the provider's own opt-out list): log it as suppressed, not sent. */
export class SuppressedSmsError extends Error {
  override name = 'SuppressedSmsError';
}
