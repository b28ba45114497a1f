// Inputs of the labourer routes: shapes and bounds here; the ID checksum, phone and place checks live in the
// domain, shared with SMS registration. zod/mini keeps the Lambda bundle small (classic zod is ~370 KB).
import * as z from 'zod/mini';
import { SKILLS } from '#domain/skills.js';
import { LABOURER_STATUSES } from '#store/entities/labourer.js';
import { displayText, isoDate } from './fields.js';

const placeCode = z.string().check(z.regex(/^\d{2}(\d{2}(\d{2})?)?$/, '应为 2、4 或 6 位行政区划代码'));
const boundedText = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const RegisterLabourerBody = z.object({
  name: displayText(2, 20),
  idNumber: boundedText(1, 40),
  phone: boundedText(1, 40),
  skills: z.array(z.enum(SKILLS)).check(z.minLength(1), z.maxLength(10)),
  /** 2-, 4- or 6-digit GB/T 2260 codes, as strings or as `{code}` objects (what GET returns). */
  destinations: z._default(
    z
      .array(z.union([placeCode, z.pipe(z.object({ code: placeCode }), z.transform((d) => d.code))]))
      .check(z.maxLength(10)),
    [],
  ),
  expectedWage: z.int().check(z.minimum(0), z.maximum(100_000)),
  availableFrom: z.optional(isoDate),
  canTravel: z._default(z.boolean(), true),
  consent: z.literal(true, { error: '需要同意个人信息使用说明（consent: true）' }),
  /** The 6-digit SMS code from POST /labourers/verify; a coordinator registering at the office needs none. */
  verificationCode: z.optional(z.string().check(z.trim(), z.regex(/^\d{6}$/, '验证码应为 6 位数字'))),
});
export type RegisterLabourerBody = z.infer<typeof RegisterLabourerBody>;

export const VerifyPhoneBody = z.object({
  phone: boundedText(1, 40),
});

const countyCode = z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'));
const pageLimit = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100);

export const ListLabourersQuery = z.object({
  county: z.optional(countyCode),
  /** Search: a name's start, phone digits (≥ 4), an ID number or a registration code (services/search-labourers.ts). */
  q: z.optional(z.string().check(z.maxLength(60))),
  phone: z.optional(z.string().check(z.maxLength(40))),
  status: z.optional(z.enum(LABOURER_STATUSES)),
  /** `true`: only the follow-up watch list. */
  watch: z.optional(z.enum(['true', 'false'])),
  limit: pageLimit,
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
export type ListLabourersQuery = z.infer<typeof ListLabourersQuery>;

export const PovertyImportQuery = z.object({
  county: z.optional(z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'))),
});

/** PATCH /labourers/{id}: only these fields; name and ID number are the labourer's identity and stay. */
export const PatchLabourerBody = z
  .strictObject({
    phone: z.optional(boundedText(1, 40)),
    skills: z.optional(z.array(z.enum(SKILLS)).check(z.minLength(1), z.maxLength(10))),
    destinations: z.optional(
      z.array(z.union([placeCode, z.pipe(z.object({ code: placeCode }), z.transform((d) => d.code))])).check(z.maxLength(10)),
    ),
    expectedWage: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
    /** `null` clears it. */
    availableFrom: z.optional(z.nullable(isoDate)),
    canTravel: z.optional(z.boolean()),
    /** Where they board: a pickup point's code when it has one, and its name; `null` clears it. */
    pickup: z.optional(z.nullable(z.strictObject({ code: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))), name: displayText(1, 40) }))),
    poverty: z.optional(z.boolean()),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, '请至少修改一项'));
export type PatchLabourerBody = z.infer<typeof PatchLabourerBody>;
