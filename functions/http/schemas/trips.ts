// Inputs of the /trips routes.
import * as z from 'zod/mini';
import { ID_PATTERN } from '#adapters/ids.js';
import { displayText, isoDate } from './fields.js';

const county = z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'));

/** One vehicle type of the county's fleet: its seats and its relative cost (e.g. a day's charter price). */
const VehicleType = z.object({
  seats: z.int().check(z.minimum(1, '座位数应为 1–80'), z.maximum(80, '座位数应为 1–80')),
  cost: z.number().check(z.gt(0, '费用应大于 0'), z.maximum(1_000_000, '费用过大')),
});

export const PlanTripsBody = z
  .object({
    county,
    capacity: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
    loadFactor: z.optional(z.number().check(z.gt(0), z.maximum(1))),
    maxDeparturesPerDay: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
    fleet: z.optional(z.array(VehicleType).check(z.minLength(1, '车型至少一种'), z.maxLength(10, '车型最多 10 种'))),
    maxStops: z.optional(z.int().check(z.minimum(1, '上车点数应为 1–10'), z.maximum(10, '上车点数应为 1–10'))),
    maxDrops: z.optional(z.int().check(z.minimum(1, '下车点数应为 1–5'), z.maximum(5, '下车点数应为 1–5'))),
    dropRadiusKm: z.optional(z.number().check(z.minimum(0, '距离不能为负'), z.maximum(500, '拼车距离最多 500 公里'))),
    departFrom: z.optional(isoDate),
    departTo: z.optional(isoDate),
    departureDates: z.optional(z.array(isoDate).check(z.minLength(1, '至少给一个发车日'), z.maxLength(120, '发车日最多 120 个'))),
    pickupPoint: z.optional(displayText(2, 40)),
    departureTime: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM'))),
  })
  .check(
    z.refine((body) => !body.departFrom || !body.departTo || body.departFrom <= body.departTo, {
      message: '最早发车日不能晚于最晚发车日',
      path: ['departTo'],
    }),
  );

export const ListTripsQuery = z.object({ county: z.optional(county) });

/** POST /trips/book: the trips named (at most a season's), or without tripIds every proposed trip of the county. */
export const BulkBookingBody = z.object({
  county,
  tripIds: z.optional(z.array(z.string().check(z.regex(ID_PATTERN, '车次编号不对'))).check(z.minLength(1, '至少选一趟车'), z.maxLength(5000, '一次最多预订 5000 趟车'))),
});
