// The pure part of issue #18: what a labourer's SMS after the bus says, when the questions are due, and
// where a worker stands on the employer's list.
import { describe, expect, it } from 'vitest';
import { checkInStep, placeQuestionDue } from '../../functions/domain/after-bus/schedule.js';
import { boardingCodeIn, checkInAnswerIn, placedAnswerIn } from '../../functions/domain/after-bus/sms-answers.js';
import { workerStatus } from '../../functions/domain/after-bus/worker-status.js';

describe('boarding code by SMS', () => {
  it('reads 上车 with a 4-digit code in the ways people type it', () => {
    for (const text of ['上车 1234', '上车1234', '上车：1234', '上车码 1234', '上车 １２３４', ' 上车  12 34 ', '签到 1234']) {
      expect(boardingCodeIn(text), text).toEqual({ code: '1234' });
    }
  });

  it('flags 上车 without a usable code, and leaves other messages alone', () => {
    for (const text of ['上车', '上车 123', '上车 12345', '上车码']) expect(boardingCodeIn(text), text).toEqual({ wrong: true });
    // A registration's pickup (光山上车) and anything else are not a boarding.
    for (const text of ['光山上车', '1234', '报名 王立学 上车点乔庄', '上车点 乔庄汽车站', '']) expect(boardingCodeIn(text), text).toBeUndefined();
  });
});

describe('answers to the 上岗 question and the check-in', () => {
  it('reads 1 / 2 (and words) for 上岗', () => {
    expect(placedAnswerIn('1')).toBe('yes');
    expect(placedAnswerIn('１')).toBe('yes');
    expect(placedAnswerIn('已上岗')).toBe('yes');
    expect(placedAnswerIn('2')).toBe('no');
    expect(placedAnswerIn('没有')).toBe('no');
    expect(placedAnswerIn('3')).toBeUndefined();
    expect(placedAnswerIn('查询')).toBeUndefined();
  });

  it('reads 1 / 2 / 3 (and words) for the check-in', () => {
    expect(checkInAnswerIn('1')).toBe('stay');
    expect(checkInAnswerIn('在岗。')).toBe('stay');
    expect(checkInAnswerIn('2')).toBe('left');
    expect(checkInAnswerIn('已离职')).toBe('left');
    expect(checkInAnswerIn('３')).toBe('change');
    expect(checkInAnswerIn('想换工作')).toBe('change');
    expect(checkInAnswerIn('4')).toBeUndefined();
    expect(checkInAnswerIn('TD')).toBeUndefined();
  });
});

describe('when the questions are due', () => {
  const at = (iso: string) => new Date(iso);

  it('asks about 上岗 once, 3 days after arrival', () => {
    expect(placeQuestionDue({ arrivedAt: '2027-03-01T12:00:00Z' }, at('2027-03-04T11:59:00Z'))).toBe(false);
    expect(placeQuestionDue({ arrivedAt: '2027-03-01T12:00:00Z' }, at('2027-03-04T12:00:00Z'))).toBe(true);
    expect(placeQuestionDue({ arrivedAt: '2027-03-01T12:00:00Z', placeAskedAt: '2027-03-04T12:00:00Z' }, at('2027-03-09T00:00:00Z'))).toBe(false);
    expect(placeQuestionDue({}, at('2027-03-09T00:00:00Z'))).toBe(false);
  });

  it('checks in at 30, 60 and 90 days, one question at a time, and gives up after 7 days', () => {
    const placedAt = '2027-03-01T00:00:00Z';
    expect(checkInStep({ placedAt }, at('2027-03-30T00:00:00Z'))).toBeUndefined();
    expect(checkInStep({ placedAt }, at('2027-03-31T00:00:00Z'))).toEqual({ kind: 'ask', day: 30 });
    // Pending: nothing more until it is answered or 7 days pass.
    const pending = { placedAt, checkInDay: 30, checkInAskedAt: '2027-03-31T00:00:00Z' };
    expect(checkInStep(pending, at('2027-04-06T23:00:00Z'))).toBeUndefined();
    expect(checkInStep(pending, at('2027-04-07T00:00:00Z'))).toEqual({ kind: 'unknown', day: 30 });
    expect(checkInStep({ placedAt, retention: { d30: 'stay' } }, at('2027-04-20T00:00:00Z'))).toBeUndefined();
    expect(checkInStep({ placedAt, retention: { d30: 'stay' } }, at('2027-04-30T00:00:00Z'))).toEqual({ kind: 'ask', day: 60 });
    // A long gap skips to the latest milestone reached.
    expect(checkInStep({ placedAt }, at('2027-06-01T00:00:00Z'))).toEqual({ kind: 'ask', day: 90 });
    expect(checkInStep({ placedAt, retention: { d90: 'unknown' } }, at('2027-09-01T00:00:00Z'))).toBeUndefined();
    expect(checkInStep({}, at('2027-09-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('the worker list status', () => {
  it('names each stage from the offer and the labourer', () => {
    expect(workerStatus('accepted', 'accepted')).toBe('accepted');
    expect(workerStatus('accepted', 'travelling')).toBe('travelling');
    expect(workerStatus('accepted', 'arrived')).toBe('arrived');
    expect(workerStatus('placed', 'placed')).toBe('placed');
    expect(workerStatus('left', 'registered')).toBe('left');
    expect(workerStatus('not_arrived', 'offered')).toBe('not_arrived');
    expect(workerStatus('declined', 'registered')).toBeUndefined();
  });
});
