// Inputs of /vacancies and /posts.
import * as z from 'zod/mini';
import { SKILLS } from '#domain/skills.js';
import { EMPLOYER_KINDS, VACANCY_KINDS } from '#store/entities/vacancy.js';
import { displayText, isoDate } from './fields.js';

const title = displayText(2, 60);
const county = z.string().check(z.regex(/^\d{6}$/, '应为 6 位县级行政区划代码'));
const openings = z.int().check(z.minimum(1), z.maximum(10_000));
const monthlyWage = z.int().check(z.minimum(1), z.maximum(100_000));
const skills = z.array(z.enum(SKILLS)).check(z.minLength(1), z.maxLength(10));

export const PostVacancyBody = z.object({
  title,
  skills,
  county,
  openings,
  monthlyWage,
  startDate: isoDate,
  employerKind: z._default(z.enum(EMPLOYER_KINDS), 'enterprise'),
});

export const CreatePostBody = z.object({
  title,
  county,
  openings,
  monthlyWage,
  months: z.int().check(z.minimum(3), z.maximum(6)),
  poorShareMin: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.6),
  /** Public-welfare posts (checkpoint duty, cleaning, …) take anyone unless they say otherwise. */
  skills: z._default(skills, ['普工']),
  startDate: z.optional(isoDate),
});

export const PatchVacancyBody = z
  .object({
    openings: z.optional(openings),
    status: z.optional(z.enum(['open', 'closed'])),
  })
  .check(z.refine((b) => b.openings !== undefined || b.status !== undefined, { message: '请提供 openings 或 status', path: ['openings'] }));

export const ListVacanciesQuery = z.object({
  county: z.optional(county),
  kind: z.optional(z.enum(VACANCY_KINDS)),
  /** `labourers`: the open vacancies the county's labourers can reach, in other counties too. */
  reach: z.optional(z.enum(['labourers'])),
});
