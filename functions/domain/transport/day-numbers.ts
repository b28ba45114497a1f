// ISO dates (YYYY-MM-DD) as whole day numbers since 1970-01-01, so windows compare and subtract as integers.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The day number of a real calendar date, or undefined for anything else (2027-02-30, '', 42 …). */
export function toDayNumber(iso: unknown): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 02-30 over into March and maps years 0–99 to 1900–1999: a round trip catches both.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() / DAY_MS;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
