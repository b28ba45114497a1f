// GET /labourers/{id}/history: one entry of a person's season, as the service builds it and the person page shows it.
export interface HistoryEntry {
  at: string;
  kind: 'inbound' | 'outbound' | 'event';
  text?: string;
  /** Outbound: pending, sent, delivered, failed, suppressed. */
  status?: string;
  /** Outbound: the template's key, and its Chinese name. */
  template?: string;
  templateName?: string;
  /** Inbound: how the message was read (register, accept, status …). */
  intent?: string;
  /** The phone it came from or went to. */
  phone?: string;
  /** Events done by someone: `coordinator:510822`, `admin`, `old-phone` … */
  actor?: string;
  /** Audit events: the changed fields. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}
