import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, describeTripChange, dropServes, firstFreeSeat, shiftTime, stopsInUse, tripLoadFactor, usableSeats, withPickup } from '../../functions/domain/trip-edits.js';

describe('editing a bus, the arithmetic', () => {
  it('keeps floor(vehicleSeats × loadFactor) seats, without floating-point losses', () => {
    expect(usableSeats(45, 0.8)).toBe(36);
    expect(usableSeats(53, 0.9)).toBe(47);
    expect(usableSeats(7, 1)).toBe(7);
    expect(usableSeats(35, 0.05)).toBe(1);
  });

  it('reads the load factor from the trip, else from its seats (1 for the oldest trips)', () => {
    expect(tripLoadFactor({ loadFactor: 0.9, seats: 40, vehicleSeats: 45 })).toBe(0.9);
    expect(tripLoadFactor({ seats: 36, vehicleSeats: 45 })).toBe(0.8);
    expect(tripLoadFactor({ seats: 45 })).toBe(1);
  });

  it('gives the lowest free seat number', () => {
    expect(firstFreeSeat([])).toBe(1);
    expect(firstFreeSeat([1, 2, 4])).toBe(3);
    expect(firstFreeSeat(new Set([2, 3]))).toBe(1);
  });

  it('moves times around the clock and dates by whole days', () => {
    expect(shiftTime('07:30', 45)).toBe('08:15');
    expect(shiftTime('23:30', 60)).toBe('00:30');
    expect(shiftTime('00:10', -20)).toBe('23:50');
    expect(daysBetween('2027-02-27', '2027-03-02')).toBe(3);
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
  });

  it('says only what changed, as the SMS reads', () => {
    expect(describeTripChange({ date: '2027-03-06', departureTime: '08:00', vehicleSeats: 35, vehiclePlate: '川H12345' })).toBe('改为3月6日08:00发车，换35座车，车牌川H12345');
    expect(describeTripChange({ departureTime: '06:45' })).toBe('改为06:45发车');
    expect(describeTripChange({ date: '2027-03-06' })).toBe('改为3月6日发车');
    expect(describeTripChange({})).toBe('');
  });
});

describe('a bus\'s stops after a move (issue #17)', () => {
  const stops = [
    { kind: 'pickup' as const, name: '县客运站', time: '07:00' },
    { kind: 'pickup' as const, code: 'QZ', name: '乔庄镇', time: '07:30' },
    { kind: 'drop' as const, code: '3305', name: '湖州市' },
    { kind: 'drop' as const, code: '3301', name: '杭州市' },
  ];
  it('keeps only the stops riders use, in order and with their times', () => {
    expect(stopsInUse(stops, [{ pickup: 'QZ', drop: '3301' }])).toEqual([stops[1], stops[3]]);
    expect(stopsInUse(stops, [])).toEqual(stops);
  });
  it('adds a pickup 30 minutes after the last while the bus has fewer than 3, else none', () => {
    const three = withPickup(stops, { name: '木鱼镇' }, 30)!;
    expect(three.filter((s) => s.kind === 'pickup').at(-1)).toEqual({ kind: 'pickup', name: '木鱼镇', time: '08:00' });
    expect(three.filter((s) => s.kind === 'drop')).toHaveLength(2);
    expect(withPickup(three, { name: '沙洲镇' }, 30)).toBeUndefined();
  });
  it('a drop serves a job in its city or county only', () => {
    expect(dropServes({ code: '3305' }, '330502')).toBe(true);
    expect(dropServes({ code: '4419' }, '440303')).toBe(false);
  });
});
