// Inputs of the routes that edit a plan: PATCH /trips/{id}, moving passengers, merging and splitting buses.
import * as z from 'zod/mini';
import { ID_PATTERN } from '#adapters/ids.js';
import { displayText, isoDate } from './fields.js';

const recordId = (what: string) => z.string().check(z.regex(ID_PATTERN, `${what}编号不对`));
/** A vehicle's own seats: a 7-seat van up to a 60-seat double coach. */
const vehicleSeats = z.int().check(z.minimum(2, '车辆座位数至少 2'), z.maximum(60, '车辆座位数最多 60'));

export const TripEditBody = z.strictObject({
  date: z.optional(isoDate),
  departureTime: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM'))),
  vehicleSeats: z.optional(vehicleSeats),
  vehiclePlate: z.optional(displayText(2, 12)),
  escort: z.optional(displayText(2, 40)),
});

export const MovePassengerBody = z.strictObject({
  labourerId: recordId('劳动者'),
  fromTripId: z.optional(recordId('原车次')),
});

export const MergeTripBody = z.strictObject({ intoTripId: recordId('车次') });

export const SplitTripBody = z.strictObject({
  labourerIds: z
    .array(recordId('劳动者'))
    .check(
      z.minLength(1, '至少选一位乘客'),
      z.maxLength(60, '一次最多拆出 60 人'),
      z.refine((ids) => new Set(ids).size === ids.length, '乘客不能重复'),
    ),
  vehicleSeats: z.optional(vehicleSeats),
});
