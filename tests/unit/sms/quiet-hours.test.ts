import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, mayWaitForMorning, parseQuietHours, quietUntil, sendNotBefore } from '../../../functions/domain/sms/quiet-hours.js';

const at = (iso: string) => new Date(iso);

describe('quiet hours (China time)', () => {
  it('is quiet from 21:00 to 08:00 and ends at the next 08:00', () => {
    expect(quietUntil(at('2027-02-10T20:59:00+08:00'), DEFAULT_QUIET_HOURS)).toBeUndefined();
    expect(quietUntil(at('2027-02-10T21:00:00+08:00'), DEFAULT_QUIET_HOURS)?.toISOString()).toBe('2027-02-11T00:00:00.000Z');
    expect(quietUntil(at('2027-02-11T03:00:00+08:00'), DEFAULT_QUIET_HOURS)?.toISOString()).toBe('2027-02-11T00:00:00.000Z');
    expect(quietUntil(at('2027-02-11T08:00:00+08:00'), DEFAULT_QUIET_HOURS)).toBeUndefined();
  });

  it('parses a setting', () => {
    expect(parseQuietHours('22-7')).toEqual({ startHour: 22, endHour: 7 });
    expect(parseQuietHours('21:00-08:00')).toEqual({ startHour: 21, endHour: 8 });
    expect(parseQuietHours('off')).toBe('off');
    expect(parseQuietHours('25-8')).toBeUndefined();
    expect(parseQuietHours('8-8')).toBeUndefined();
  });

  it('never holds replies, codes, 换号 messages, or bus notices on the day of departure or the day before', () => {
    const night = at('2027-02-10T23:00:00+08:00');
    expect(mayWaitForMorning({ template: 'status', causedBy: 'in-1' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'verificationCode' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'changePhoneConfirm' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'tripBooked', departureDate: '2027-02-11' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'seatCancelled', departureDate: '2027-02-10' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'tripReminder' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'tripBooked', departureDate: '2027-02-14' }, night)).toBe(true);
    // A bus changed or a seat moved: the earlier of the old and new days decides.
    expect(mayWaitForMorning({ template: 'tripChanged', departureDate: '2027-02-11' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'seatMoved', departureDate: '2027-02-10' }, night)).toBe(false);
    expect(mayWaitForMorning({ template: 'tripChanged', departureDate: '2027-02-14' }, night)).toBe(true);
    expect(mayWaitForMorning({ template: 'offer' }, night)).toBe(true);
  });

  it('never holds the bus day’s own notices (departed, missed, arrived), written without a date at 06:30', () => {
    const dawn = at('2027-02-10T06:30:00+08:00');
    for (const template of ['tripDeparted', 'tripMissed', 'tripArrived']) expect(mayWaitForMorning({ template }, dawn), template).toBe(false);
    expect(mayWaitForMorning({ template: 'checkIn' }, dawn)).toBe(true);
  });

  it('holds a scheduled send until its time, and until morning if that falls at night', () => {
    const day = at('2027-02-10T10:00:00+08:00');
    expect(sendNotBefore({ template: 'broadcast' }, day, DEFAULT_QUIET_HOURS)).toBeUndefined();
    expect(sendNotBefore({ template: 'broadcast' }, day, DEFAULT_QUIET_HOURS, at('2027-02-10T15:00:00+08:00'))?.toISOString()).toBe('2027-02-10T07:00:00.000Z');
    expect(sendNotBefore({ template: 'broadcast' }, day, DEFAULT_QUIET_HOURS, at('2027-02-10T22:00:00+08:00'))?.toISOString()).toBe('2027-02-11T00:00:00.000Z');
    expect(sendNotBefore({ template: 'offer' }, at('2027-02-10T22:00:00+08:00'), undefined)).toBeUndefined();
  });
});
