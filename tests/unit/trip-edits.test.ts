import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, describeTripChange, firstFreeSeat, shiftTime, tripLoadFactor, usableSeats } from '../../functions/domain/trip-edits.js';

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
