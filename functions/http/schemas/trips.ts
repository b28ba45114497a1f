// Inputs of the /trips routes.
import * as z from 'zod/mini';
import { ID_PATTERN } from '#adapters/ids.js';
import { displayText } from './fields.js';

const county = z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'));

export const PlanTripsBody = z.object({
  county,
  capacity: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
  loadFactor: z.optional(z.number().check(z.gt(0), z.maximum(1))),
  maxDeparturesPerDay: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  pickupPoint: z.optional(displayText(2, 40)),
  departureTime: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM'))),
});

export const UpdateTripBody = z.object({
  vehiclePlate: z.optional(displayText(2, 12)),
  escort: z.optional(displayText(2, 40)),
});

export const ListTripsQuery = z.object({ county: z.optional(county) });

/** POST /trips/book: the trips named (at most a season's), or without tripIds every proposed trip of the county. */
export const BulkBookingBody = z.object({
  county,
  tripIds: z.optional(z.array(z.string().check(z.regex(ID_PATTERN, '车次编号不对'))).check(z.minLength(1, '至少选一趟车'), z.maxLength(5000, '一次最多预订 5000 趟车'))),
});
