// The labourer's SMS after the bus (issue #18): the boarding code (`上车 1234`), the answer to "已到X厂上岗了吗"
// (1 是 / 2 否) and to the check-in "还在X厂工作吗" (1 在岗 / 2 已离职 / 3 想换工作). Pure: what a message
// says, on the folded text (full-width digits are the same digits).
import { foldForParsing } from '../sms/fold-width.js';

const EDGE = /^[\s,，、.。!！~…]+|[\s,，、.。!！~…]+$/g;

function folded(text: string): string {
  return foldForParsing(String(text).slice(0, 200)).replace(EDGE, '');
}

/**
 * `上车 1234`, `上车1234`, `上车:1234`, `上车码 1234`: the code (4 digits), or `wrong` when 上车 comes with
 * something that is not a 4-digit code (the sender should be told how it goes); undefined when the
 * message is not about boarding.
 */
export function boardingCodeIn(text: string): { code: string } | { wrong: true } | undefined {
  const t = folded(text);
  const match = /^(?:上车码?|登车|签到)\s*[:#：]?\s*(.*)$/.exec(t);
  if (!match) return undefined;
  const rest = match[1]!.replace(/\s+/g, '');
  if (/^\d{4}$/.test(rest)) return { code: rest };
  // 上车 alone, or with a place (光山上车 is a registration's pickup, not this): only a number-like tail is ours.
  if (rest === '' || /^[\d\s-]+$/.test(rest)) return { wrong: true };
  return undefined;
}

const PLACED_YES = new Set(['1', '是', '是的', '已上岗', '上岗了', '已到岗', '到了', '已到', 'Y', 'YES', '在', '好']);
const PLACED_NO = new Set(['2', '否', '不是', '没有', '没上岗', '未上岗', '没到', '未到岗', 'N', 'NO']);

/** The answer to "已到X厂上岗了吗？回1是 2否". */
export function placedAnswerIn(text: string): 'yes' | 'no' | undefined {
  const t = folded(text);
  if (PLACED_YES.has(t)) return 'yes';
  if (PLACED_NO.has(t)) return 'no';
  return undefined;
}

export type CheckInAnswer = 'stay' | 'left' | 'change';

const CHECK_IN: ReadonlyMap<string, CheckInAnswer> = new Map<string, CheckInAnswer>([
  ...['1', '在岗', '在', '还在', '在的', '是', '是的', '在厂', '还在干'].map((w): [string, CheckInAnswer] => [w, 'stay']),
  ...['2', '已离职', '离职', '离职了', '不在', '不在了', '走了', '辞职', '辞职了', '回家了'].map((w): [string, CheckInAnswer] => [w, 'left']),
  ...['3', '想换工作', '换工作', '想换', '换个工作', '想换个工作'].map((w): [string, CheckInAnswer] => [w, 'change']),
]);

/** The answer to "还在X厂工作吗？回1在岗 2已离职 3想换工作". */
export function checkInAnswerIn(text: string): CheckInAnswer | undefined {
  return CHECK_IN.get(folded(text));
}
