// Which failed SMS the bulk re-send sends again (resend-policy.ts).
import { describe, expect, it } from 'vitest';
import { stillWorthResending, type PhoneNow } from '../../../functions/domain/sms/resend-policy.js';

const NOW = new Date('2099-02-20T10:00:00Z');
const phone = (over: Partial<PhoneNow> = {}): PhoneNow => ({
  now: NOW, labourerStatus: 'registered', openOfferSms: new Set(), hasOpenOffer: false, hasBusAhead: false, log: [], ...over,
});
const msg = (template: string, createdAt = '2099-02-19T10:00:00Z', messageId = `m-${template}`) => ({ messageId, template, createdAt });

describe('stillWorthResending', () => {
  it('keeps a recent reply, drops one older than 7 days and any verification code', () => {
    expect(stillWorthResending(msg('status'), phone())).toBe(true);
    expect(stillWorthResending(msg('status', '2099-02-12T09:00:00Z'), phone())).toBe(false);
    expect(stillWorthResending(msg('verificationCode'), phone())).toBe(false);
  });

  it('drops a welcome once offers came, an offer no longer open, a bus notice without a bus ahead', () => {
    expect(stillWorthResending(msg('registered'), phone({ labourerStatus: 'accepted' }))).toBe(false);
    expect(stillWorthResending(msg('offer'), phone({ labourerStatus: 'offered' }))).toBe(false);
    expect(stillWorthResending(msg('offer'), phone({ labourerStatus: 'offered', openOfferSms: new Set(['m-offer']), hasOpenOffer: true }))).toBe(true);
    expect(stillWorthResending(msg('tripBooked'), phone({ labourerStatus: 'travelling' }))).toBe(false);
    expect(stillWorthResending(msg('tripBooked'), phone({ labourerStatus: 'travelling', hasBusAhead: true }))).toBe(true);
  });

  it('re-sends at most the latest of a kind; a later bus change supersedes a booking notice', () => {
    const older = msg('broadcast', '2099-02-19T09:00:00Z', 'a');
    const newer = msg('broadcast', '2099-02-19T11:00:00Z', 'b');
    const log = [older, newer];
    expect(stillWorthResending(older, phone({ log }))).toBe(false);
    expect(stillWorthResending(newer, phone({ log }))).toBe(true);
    const booked = msg('tripBooked', '2099-02-19T09:00:00Z', 'c');
    const changed = msg('tripChanged', '2099-02-19T12:00:00Z', 'd');
    expect(stillWorthResending(booked, phone({ hasBusAhead: true, log: [booked, changed] }))).toBe(false);
  });
});
