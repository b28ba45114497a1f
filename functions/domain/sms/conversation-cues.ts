// What a message means given where the person stands, beyond the grammar's whole-message intents:
//   an offer pending  → 好的 1 · 我接受 · 可以去 accept; 不去了 · 去不了 · 家里有事不去 decline
//   registered        → anything but an explicit 帮助 is a question about their status (什么时候有工作)
// Pure: the services decide when to ask (only with an offer open, only for a registered person).
import { foldForParsing } from './fold-width.js';
import { INTENT_WORDS } from './sms-keywords.js';

const DECLINE = /不去|去不了|去不成|不接受|不要了|不想去|拒绝|算了|不干|不做了|没空|不能去|放弃|不同意|不愿意|不考虑|换一个|不合适/;
const ACCEPT = /接受|同意|可以去|我去|能去|愿意|要去|好的|好滴|没问题|可以|行|OK|确定|确认|马上去|^去|^好/;
/** A question is not an answer (去哪里？ 工资多少？). */
const QUESTION = /[吗?？]|哪|什么|几|多少|怎么|咋|啥/;
/** 1, 回1, 回复2, 选1: the number the offer asked for. */
const REPLY_NUMBER = /^(?:回复?|选|答)?([120])$/;
const TOKEN_SPLIT = /[\s,，、。.!！~#:：;；]+/;

/** An answer to a pending offer found inside a sentence, or undefined. */
export function offerAnswerIn(text: string): 'accept' | 'decline' | undefined {
  if (typeof text !== 'string') return undefined;
  const folded = foldForParsing(text.slice(0, 200)).trim();
  if (folded.length === 0) return undefined;
  const tokens = folded.split(TOKEN_SPLIT).filter((t) => t.length > 0);
  // A bare 1 / 2 among polite words (好的 1, 1 谢谢) — the number decides.
  const numbers = tokens.map((t) => REPLY_NUMBER.exec(t)?.[1]).filter((n) => n !== undefined);
  if (numbers.length === 1) return numbers[0] === '1' ? 'accept' : 'decline';
  if (DECLINE.test(folded)) return 'decline';
  if (QUESTION.test(folded)) return undefined;
  if (ACCEPT.test(folded) || tokens.some((t) => t === 'Y' || t === 'YES')) return 'accept';
  return undefined;
}

/** The person asked for the how-to themselves (帮助, ?, HELP): not a status question. */
export function asksForHelp(text: string): boolean {
  if (typeof text !== 'string') return false;
  return INTENT_WORDS.get(foldForParsing(text).trim()) === 'help';
}
