// What Alibaba Cloud SMS pushes to our callback (HTTP batch push): a JSON array of delivery receipts
// (SmsReport, 状态报告) or of replies (SmsUp, 上行短信). Fields we do not use are let through unchecked.
import * as z from 'zod/mini';

export const AliyunSmsReport = z.object({
  phone_number: z.string(),
  success: z.boolean(),
  err_code: z.optional(z.string()),
  err_msg: z.optional(z.string()),
  biz_id: z.optional(z.string()),
  /** The OutId we sent: our outbox message id. */
  out_id: z.optional(z.string()),
});

export const AliyunSmsUp = z.object({
  phone_number: z.string().check(z.minLength(1), z.maxLength(32)),
  content: z.string().check(z.maxLength(2000)),
  /** The provider's id of the reply: what makes a redelivered reply recognisable. */
  sequence_id: z.union([z.number(), z.string().check(z.minLength(1), z.maxLength(64))]),
  dest_code: z.optional(z.string()),
  sign_name: z.optional(z.string()),
});

export const AliyunSmsReports = z.array(AliyunSmsReport).check(z.maxLength(1000));
export const AliyunSmsUps = z.array(AliyunSmsUp).check(z.maxLength(1000));
export type AliyunSmsReport = z.infer<typeof AliyunSmsReport>;
export type AliyunSmsUp = z.infer<typeof AliyunSmsUp>;

/** The answer the provider expects; anything else makes it push the batch again. */
export const ALIYUN_CALLBACK_ACK = { code: 0, msg: '接收成功' } as const;
