// A broadcast's text: the coordinator's own words, signed 【春风行动】 once (a signature typed in is not
// doubled), within 5 segments; what it costs. Pure, so the page counts segments as the service does.
import { textProblem } from '../text-safety.js';
import { countSegments } from './segments.js';
import { SIGNATURE } from './templates.js';

/** At most this many SMS parts a message (335 Chinese characters with the signature). */
export const MAX_BROADCAST_SEGMENTS = 5;

/**
 * Price assumed per SMS part for the cost estimate, CNY: mainland China's list prices for notification
 * SMS are ¥0.045 (Alibaba Cloud, 2024) to about ¥0.16 (Amazon SNS to +86); ¥0.05 is the domestic channel
 * rounded up. A county with another contract reads the segment count, which is exact.
 */
export const PRICE_PER_SEGMENT_CNY = 0.05;

export interface BroadcastText {
  /** The words as they will be sent after the signature. */
  text: string;
  body: string;
  segments: number;
}

/** The text, signed, or the problem with it (in Chinese). */
export function broadcastText(input: string): BroadcastText | { problem: string } {
  let text = input.trim();
  if (text.startsWith(SIGNATURE)) text = text.slice(SIGNATURE.length).trim();
  if (text === '') return { problem: '请填写短信内容' };
  const problem = textProblem(text);
  if (problem) return { problem };
  const body = SIGNATURE + text;
  const { segments } = countSegments(body);
  if (segments > MAX_BROADCAST_SEGMENTS) return { problem: `短信太长：${segments}条计费，最多${MAX_BROADCAST_SEGMENTS}条（约${MAX_BROADCAST_SEGMENTS * 67 - SIGNATURE.length}字）` };
  return { text, body, segments };
}

/** The estimate for `recipients` messages of `segments` parts each, in yuan, to the fen. */
export function broadcastCostCny(recipients: number, segments: number): number {
  return Math.round(recipients * segments * PRICE_PER_SEGMENT_CNY * 100) / 100;
}
