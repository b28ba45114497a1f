// Local stand-in for SNS: keeps what was "sent" in memory, prints it, and tells listeners
// (the phone simulator, POST /sim/sms). Never used in AWS.
import { EventEmitter } from 'node:events';
import type { OutboundSms, SmsSender } from './sms-sender.js';

export interface DeliveredSms extends OutboundSms {
  sentAt: string;
}

class LocalSmsSink implements SmsSender {
  readonly delivered: DeliveredSms[] = [];
  readonly events = new EventEmitter();
  print = true;

  async send(sms: OutboundSms): Promise<{ providerMessageId: string }> {
    const delivered = { ...sms, sentAt: new Date().toISOString() };
    this.delivered.push(delivered);
    if (this.print) console.log(`📱 SMS → ${sms.to}: ${sms.body}`);
    this.events.emit('sms', delivered);
    return { providerMessageId: `local-${sms.messageId}` };
  }
}

/** One sink per process, shared by the notifier and bin/local.ts. */
export const localSmsSink = new LocalSmsSink();
