// Amazon SNS direct-to-phone SMS (Transactional). Invalid numbers are permanent failures; throttling and
// 5xx are left to throw, so the stream retries the record with backoff. A number on SNS's own opt-out list
// is not published to (SNS would answer with a message id and drop it): the outbox records it suppressed.
import { PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import { PermanentSmsError, SuppressedSmsError, type SmsSender } from './sms-sender.js';
import { snsOptOutList, type CarrierOptOutList } from './sns-opt-out-list.js';

export interface SnsSmsOptions {
  senderId?: string;
  originationNumber?: string;
}

const PERMANENT = new Set(['InvalidParameterException', 'InvalidParameterValueException', 'OptedOutException']);

export function snsSmsSender(options: SnsSmsOptions = {}, sns = new SNSClient({}), optOutList: CarrierOptOutList = snsOptOutList(sns)): SmsSender {
  const attributes: Record<string, MessageAttributeValue> = {
    'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
  };
  if (options.senderId) attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: options.senderId };
  if (options.originationNumber) {
    attributes['AWS.MM.SMS.OriginationNumber'] = { DataType: 'String', StringValue: options.originationNumber };
  }
  return {
    async send(sms) {
      // The check must not stop delivery when it cannot be made (a role without the permission, throttling):
      // the send then goes out as before and SNS's own list still applies.
      const optedOut = await optOutList.isOptedOut(sms.to).catch(() => false);
      if (optedOut) throw new SuppressedSmsError('carrier-opt-out: 该号码在短信服务商的退订名单上（回复"订阅"可解除）');
      try {
        const out = await sns.send(
          new PublishCommand({ PhoneNumber: sms.to, Message: sms.body, MessageAttributes: attributes }),
        );
        return { providerMessageId: out.MessageId ?? '' };
      } catch (error) {
        const name = (error as Error).name;
        if (PERMANENT.has(name)) throw new PermanentSmsError(`${name}: ${(error as Error).message}`);
        throw error;
      }
    },
  };
}
