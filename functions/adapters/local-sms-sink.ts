// Local stand-in for SNS: keeps what was "sent" in memory, prints it, and tells listeners
// (the phone simulator, POST /sim/sms). Never used in AWS.
// It also stands in for the carriers' delivery receipts: each send leaves a receipt (delivered, or failed
// for a number told to fail with POST /sim/sms-fail) that the local system records after the notifier ran.
import { EventEmitter } from 'node:events';
import type { OutboundSms, SmsSender } from './sms-sender.js';

export interface DeliveredSms extends OutboundSms {
  sentAt: string;
}

export interface LocalReceipt {
  messageId: string;
  providerMessageId: string;
  delivered: boolean;
  reason?: string;
}

class LocalSmsSink implements SmsSender {
  readonly delivered: DeliveredSms[] = [];
  readonly events = new EventEmitter();
  print = true;
  /** Produce receipts (npm start; tests that ask for them). */
  receipts = false;
  /** Numbers (E.164) whose SMS come back undelivered. */
  readonly failing = new Set<string>();
  private queued: LocalReceipt[] = [];

  async send(sms: OutboundSms): Promise<{ providerMessageId: string }> {
    const delivered = { ...sms, sentAt: new Date().toISOString() };
    this.delivered.push(delivered);
    if (this.print) console.log(`📱 SMS → ${sms.to}: ${sms.body}`);
    this.events.emit('sms', delivered);
    const providerMessageId = `local-${sms.messageId}`;
    if (this.receipts) {
      const fails = this.failing.has(sms.to);
      this.queued.push({ messageId: sms.messageId, providerMessageId, delivered: !fails, ...(fails ? { reason: 'UNREACHABLE: 空号或停机（模拟）' } : {}) });
    }
    return { providerMessageId };
  }

  /** The receipts not yet recorded, taken. */
  takeReceipts(): LocalReceipt[] {
    const out = this.queued;
    this.queued = [];
    return out;
  }
}

/** One sink per process, shared by the notifier and bin/local.ts. */
export const localSmsSink = new LocalSmsSink();
