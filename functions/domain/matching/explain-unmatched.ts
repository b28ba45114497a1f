// The first reason that held for each labourer a run left without an offer (unmatched-reasons.ts, in its
// order). Fast at county scale the way the matching is: labourers are classified against the vacancies
// (labourer-classes.ts) and each class walks its candidate list (class-candidates.ts) — once per class,
// not per labourer × vacancy. Only "opted out" and "cannot travel and no local job" are read per
// labourer: the classes do not keep them apart (a labourer who can travel but wants only places with
// no vacancy has the same place vector as one who cannot travel).
import { classCandidates, wageStops } from './class-candidates.js';
import { classifyLabourers } from './labourer-classes.js';
import { indexMarket } from './market.js';
import type { UnmatchedReason } from './unmatched-reasons.js';
import { groupVacancies } from './vacancy-groups.js';
import { cannotBeTexted, type MatchLabourer, type MatchOptions, type MatchVacancy } from './types.js';

/**
 * `labourers`: those the run left out; `vacancies`: the county's open vacancies, full ones included —
 * a full vacancy of their trade means "full", not "no such trade". Vacancies started before
 * `options.today` count as gone.
 */
export function explainUnmatched(
  labourers: readonly MatchLabourer[],
  vacancies: readonly MatchVacancy[],
  options: MatchOptions = {},
): Map<string, UnmatchedReason> {
  const reasons = new Map<string, UnmatchedReason>();
  const declinedIds = new Set<string>();
  for (const l of labourers) if (!cannotBeTexted(l)) for (const id of l.declinedVacancyIds ?? []) declinedIds.add(id);
  // Grouped as the run groups them, with a place each so that full ones are kept.
  const existing = vacancies.map((v) => ({ ...v, remaining: Math.max(1, Math.floor(v.remaining)) }));
  const { groups, openIds } = groupVacancies(existing, declinedIds, options.today);
  const market = indexMarket(groups);

  const rest: MatchLabourer[] = [];
  for (const l of labourers) {
    if (l.optedOut) reasons.set(l.id, 'opted_out');
    else if (l.unreachable) reasons.set(l.id, 'unreachable');
    else if (!l.canTravel && !market.countyIndex.has(l.homeCounty)) reasons.set(l.id, 'cannot_travel_no_local_job');
    else rest.push(l);
  }

  const { classes } = classifyLabourers(rest, market, openIds);
  const candidates = classCandidates(classes, market);
  const { profileOf, start, group } = candidates;
  const stops = wageStops(classes, market, candidates);
  // Along each profile's list: the latest start date (as an index) of its candidates so far.
  const latestStart = new Int32Array(group.length);
  for (let p = 0; p + 1 < start.length; p++) {
    let latest = -1;
    for (let j = start[p]!; j < start[p + 1]!; j++) latestStart[j] = latest = Math.max(latest, market.groupStartIndex[group[j]!]!);
  }
  const allDeclined = (from: number, to: number, startIndex: number, declined: ReadonlySet<string>): boolean => {
    for (let j = from; j < to; j++) {
      const g = group[j]!;
      // A declined vacancy is grouped alone, so its group's first member is it.
      if (market.groupStartIndex[g]! >= startIndex && !declined.has(groups[g]!.members[0]!.id)) return false;
    }
    return true;
  };

  classes.forEach((cls, c) => {
    const p = profileOf[c]!;
    const first = start[p]!;
    const stop = stops[c]!;
    let reason: UnmatchedReason;
    if (first === start[p + 1]) reason = 'no_trade_in_destinations';
    else if (stop === first) reason = 'wage_above_vacancies';
    else if (latestStart[stop - 1]! < cls.startIndex) reason = 'available_after_start';
    else if (cls.declined !== undefined && allDeclined(first, stop, cls.startIndex, cls.declined)) reason = 'declined_before';
    else reason = 'vacancies_full';
    for (const m of cls.members) reasons.set(m.id, reason);
  });
  return reasons;
}

/** Labourers per reason. */
export function countByReason(reasons: Iterable<UnmatchedReason>): Partial<Record<UnmatchedReason, number>> {
  const counts: Partial<Record<UnmatchedReason, number>> = {};
  for (const r of reasons) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}
