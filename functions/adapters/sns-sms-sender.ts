// Amazon SNS direct-to-phone SMS (Transactional). Invalid numbers are permanent failures; throttling and
// 5xx are left to throw, so the stream retries the record with backoff.
import { PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import { PermanentSmsError, type SmsSender } from './sms-sender.js';

export interface SnsSmsOptions {
  senderId?: string;
  originationNumber?: string;
}

const PERMANENT = new Set(['InvalidParameterException', 'InvalidParameterValueException', 'OptedOutException']);

export function snsSmsSender(options: SnsSmsOptions = {}, sns = new SNSClient({})): SmsSender {
  const attributes: Record<string, MessageAttributeValue> = {
    'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
  };
  if (options.senderId) attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: options.senderId };
  if (options.originationNumber) {
    attributes['AWS.MM.SMS.OriginationNumber'] = { DataType: 'String', StringValue: options.originationNumber };
  }
  return {
    async send(sms) {
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
