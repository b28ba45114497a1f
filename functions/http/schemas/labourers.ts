// Inputs of the labourer routes: shapes and bounds here; the ID checksum, phone and place checks live in the
// domain, shared with SMS registration.
import { z } from 'zod';
import { SKILLS } from '#domain/skills.js';
import { LABOURER_STATUSES } from '#store/entities/labourer.js';

const placeCode = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, '应为 2、4 或 6 位行政区划代码');

export const RegisterLabourerBody = z.object({
  name: z.string().trim().min(2).max(20),
  idNumber: z.string().trim().min(1).max(40),
  phone: z.string().trim().min(1).max(40),
  skills: z.array(z.enum(SKILLS)).min(1).max(10),
  /** 2-, 4- or 6-digit GB/T 2260 codes, as strings or as `{code}` objects (what GET returns). */
  destinations: z
    .array(z.union([placeCode, z.object({ code: placeCode }).transform((d) => d.code)]))
    .max(10)
    .default([]),
  expectedWage: z.number().int().min(0).max(100_000),
  availableFrom: z.iso.date().optional(),
  canTravel: z.boolean().default(true),
  consent: z.literal(true, { error: '需要同意个人信息使用说明（consent: true）' }),
});
export type RegisterLabourerBody = z.infer<typeof RegisterLabourerBody>;

export const ListLabourersQuery = z.object({
  county: z.string().regex(/^\d{6}$/, '应为 6 位县级行政区划代码').optional(),
  phone: z.string().max(40).optional(),
  status: z.enum(LABOURER_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(2048).optional(),
});
export type ListLabourersQuery = z.infer<typeof ListLabourersQuery>;
