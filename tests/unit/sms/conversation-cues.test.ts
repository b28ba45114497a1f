// Answers inside a sentence and help requests (conversation-cues.ts).
import { describe, expect, it } from 'vitest';
import { asksForHelp, offerAnswerIn } from '../../../functions/domain/sms/conversation-cues.js';

describe('offerAnswerIn', () => {
  it.each([
    ['好的 1', 'accept'],
    ['我接受', 'accept'],
    ['可以去', 'accept'],
    ['１ 谢谢', 'accept'],
    ['不去了', 'decline'],
    ['去不了', 'decline'],
    ['家里有事，去不了', 'decline'],
    ['2 谢谢', 'decline'],
    ['回1', 'accept'],
    ['回复2', 'decline'],
    ['不想去了', 'decline'],
    ['去哪里？', undefined],
    ['工资多少', undefined],
    ['王立学', undefined],
    ['', undefined],
  ])('%s → %s', (text, answer) => {
    expect(offerAnswerIn(text)).toBe(answer);
  });
});

describe('asksForHelp', () => {
  it('is the explicit help words only', () => {
    expect(asksForHelp('帮助')).toBe(true);
    expect(asksForHelp('？')).toBe(true);
    expect(asksForHelp('什么时候有工作')).toBe(false);
  });
});
