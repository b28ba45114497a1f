// The counties a scheduled job works on, from the schedule's input `{county}` or `{counties: [...]}`.
import { logger } from '#adapters/logger.js';
import { CountiesEvent } from '#http/schemas/matching.js';

export function countiesOf(event: unknown): string[] {
  const input = CountiesEvent.safeParse(event ?? {});
  if (!input.success) {
    logger.error('scheduled job input is not {county} or {counties: [...]}', { issues: input.error.issues.length });
    return [];
  }
  return [...new Set([...(input.data.county ? [input.data.county] : []), ...(input.data.counties ?? [])])];
}
