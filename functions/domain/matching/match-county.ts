// One county's matching run (DESIGN §7): the plan that places the most poor-household labourers
// possible and, among those, has the largest total fit, every labourer in at most one offer and every
// vacancy within its places and quotas. Exact, not greedy:
//   1. open vacancies → groups and flow nodes (vacancy-groups.ts), indexed (market.ts);
//   2. labourers → classes of interchangeable members (labourer-classes.ts);
//   3. the feasible (class, node) arcs with their fit, enumerated on demand (class-arcs.ts);
//   4. the min-cost flow class (supply = members) → node (cost −(povertyWeight·poor + fit)) → sink
//      (capacity = places), class → sink at cost 0 for those left without a place, solved exactly
//      over all feasible arcs by column generation with exact pricing (plan-flow.ts, network-simplex.ts);
//   5. each class's flow handed to its members first-come-first-served by registration time, the
//      earliest taking the best-fitting places; each group's places to its vacancies in id order.
import { nonPoorPlaces, pairFit } from './feasibility.js';
import { arcEnumerator } from './class-arcs.js';
import { classifyLabourers } from './labourer-classes.js';
import { indexMarket } from './market.js';
import { planFlow } from './plan-flow.js';
import { offerReasons } from './reasons.js';
import { groupVacancies, type VacancyGroup } from './vacancy-groups.js';
import { cannotBeTexted, type MatchLabourer, type MatchOffer, type MatchOptions, type MatchResult, type MatchVacancy } from './types.js';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstComeFirstServed(a: MatchLabourer, b: MatchLabourer): number {
  return compare(a.registeredAt, b.registeredAt) || compare(a.id, b.id);
}

/** The first item of each id (a repeated id is a caller's mistake; the plan must still be sound). */
function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    unique.push(item);
  }
  return unique;
}

export function matchCounty(
  labourersIn: readonly MatchLabourer[],
  vacanciesIn: readonly MatchVacancy[],
  options: MatchOptions = {},
): MatchResult {
  const started = performance.now();
  const labourers = uniqueById(labourersIn);
  const vacancies = uniqueById(vacanciesIn);

  const declinedIds = new Set<string>();
  for (const l of labourers) if (!cannotBeTexted(l)) for (const id of l.declinedVacancyIds ?? []) declinedIds.add(id);
  const { groups, nodes, openIds } = groupVacancies(vacancies, declinedIds, options.today);
  const market = indexMarket(groups);
  const { classes } = classifyLabourers(labourers, market, openIds);
  const plan = planFlow(classes, nodes, arcEnumerator(classes, market));
  const weight = plan.povertyWeight;

  // Hand out places: per class, the best-fitting arcs first, to members in registration order.
  const assigned: MatchLabourer[][] = groups.map(() => []);
  for (let a = 0; a < plan.cls.length; ) {
    const c = plan.cls[a]!;
    const taken: { group: number; fit: number; flow: number }[] = [];
    for (; a < plan.cls.length && plan.cls[a] === c; a++) {
      taken.push({ group: nodes[plan.node[a]!]!.group, fit: plan.fit[a]!, flow: plan.flow[a]! });
    }
    taken.sort((x, y) => y.fit - x.fit || x.group - y.group);
    const members = [...classes[c]!.members].sort(firstComeFirstServed);
    let next = 0;
    for (const t of taken) for (let i = 0; i < t.flow; i++) assigned[t.group]!.push(members[next++]!);
  }

  const offers: MatchOffer[] = [];
  const offered = new Set<MatchLabourer>();
  let poorPlaced = 0;
  let totalFit = 0;
  const offer = (labourer: MatchLabourer, vacancy: MatchVacancy): void => {
    const pair = pairFit(labourer, vacancy, options.today);
    // The arcs were built from the same rules; a pair they allowed is always feasible here.
    if (pair === undefined) return;
    offers.push({ labourerId: labourer.id, vacancyId: vacancy.id, fit: pair.fit, reasons: offerReasons(labourer, vacancy, pair) });
    offered.add(labourer);
    totalFit += pair.fit;
    if (labourer.poverty) poorPlaced++;
  };
  groups.forEach((group, g) => distribute(group, assigned[g]!, offer));
  offers.sort((a, b) => compare(a.labourerId, b.labourerId));

  const unmatched: string[] = [];
  for (const l of labourers) if (!offered.has(l)) unmatched.push(l.id);
  unmatched.sort(); // code-unit order, as compare
  return {
    offers,
    unmatched,
    objective: poorPlaced * weight + totalFit,
    povertyWeight: weight,
    totalFit,
    poorPlaced,
    classes: classes.length,
    stats: {
      labourers: labourers.length,
      vacancies: vacancies.length,
      feasibleClassArcs: plan.feasibleArcs,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/**
 * A group's places to its vacancies in id order. Posts: non-poor labourers first, each post up to its
 * non-poor quota, then poor labourers into what is left (the flow kept both totals within the group's).
 */
function distribute(
  group: VacancyGroup,
  labourers: readonly MatchLabourer[],
  offer: (labourer: MatchLabourer, vacancy: MatchVacancy) => void,
): void {
  const left = group.members.map((v) => Math.floor(v.remaining));
  const quota = group.members.map((v) => nonPoorPlaces(v));
  const nonPoor = group.kind === 'post' ? labourers.filter((l) => !l.poverty) : [];
  const others = group.kind === 'post' ? labourers.filter((l) => l.poverty) : labourers;
  let i = 0;
  for (const labourer of nonPoor) {
    while (i < left.length && Math.min(left[i]!, quota[i]!) <= 0) i++;
    if (i === left.length) break;
    offer(labourer, group.members[i]!);
    left[i]!--;
    quota[i]!--;
  }
  i = 0;
  for (const labourer of others) {
    while (i < left.length && left[i]! <= 0) i++;
    if (i === left.length) break;
    offer(labourer, group.members[i]!);
    left[i]!--;
  }
}
