// Field shapes several schemas share: text people read (names, titles, places) and calendar dates.
import * as z from 'zod/mini';
import { textProblem } from '#domain/text-safety.js';

/** Trimmed, bounded, and readable as it stands (domain/text-safety.ts). */
export const displayText = (min: number, max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.refine((value: string) => textProblem(value) === undefined, { error: (issue) => textProblem(String(issue.input)), abort: true }),
      z.minLength(min),
      z.maxLength(max),
    );

/** Dates outside these are typing mistakes; the calendar arithmetic and the pages assume 4-digit years. */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';

/** An ISO date (YYYY-MM-DD) from FIRST_DATE to LAST_DATE. */
export const isoDate = z.iso
  .date()
  .check(z.refine((date) => date >= FIRST_DATE && date <= LAST_DATE, `日期应在 ${FIRST_DATE} 到 ${LAST_DATE} 之间`));
