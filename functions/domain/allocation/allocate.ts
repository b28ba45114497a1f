// The national allocation (level 1 of the national run): each open job's places split among origin
// counties, so that every county can then be matched on its own (level 2, matchCounty within its
// quotas) and one Lambda never has to load the country.
//
// It solves, exactly, the same optimisation as the county engine, with labourers replaced by the
// counties' class summaries: a min-cost flow
//
//   (county, class) ──────────────────────────────► vacancy node ──(places)──► sink
//          │  home-county jobs and posts, cost −(W·poor + fit)          ▲
//          ├──► hub ──────────────────────────────────────────────────┘
//          │     │ jobs elsewhere, inside the class's destinations, cost −(W·poor + fit)
//          │     └──► sink, cost 0 (no place)
//          └──► sink, cost 0 (no place)
//
// with fit = pairFit(class representative, vacancy) and W = povertyWeight(vacancy nodes): poor-first,
// then fit, as in matchCounty. Vacancies with the same attributes form one node (a post: a node for
// its non-poor quota and one for poor residents only), as in the county engine. A hub joins the
// travelling classes of all counties that share every attribute but the home county: their arcs
// away from home are the same, so they are listed once (the hub's representative has no home county,
// so a hub never reaches a post, and a job in a member's own county only at the destination's fit,
// never better than that county's direct arc). A class with no arc at home needs no node of its own:
// its members are supply of its hub (or, not travelling either, of nobody). Cost scaling (the
// project's one solver, matching/min-cost-flow.ts, exact with its precision argument) gives an
// integral optimum.
//
// Quotas: a county's flow into a job node — its classes' direct flow plus its share of the hubs'
// placements (any split is a valid plan: a hub's members are interchangeable away from home; it is
// split in proportion to each county's members in the hub, so identical labourers in different
// counties get the same chance) — is spread over the node's vacancies in id order. Places the
// plan leaves unused go to the job's own county. Posts are not allocated: only their county can use
// them, so it keeps all their places.
//
// Why the two levels reach the global optimum (exact summaries): the plan restricted to county c is
// feasible for c's run within its quotas, so each county's optimum (poor placed p'_c, fit f'_c) is
// lexicographically ≥ the plan's share (p_c, f_c); together the county runs are a feasible global plan
// (quotas sum to ≤ remaining, posts stay home), so Σ p'_c ≤ P* = Σ p_c, hence p'_c = p_c for every
// county, then f'_c ≥ f_c and Σ f'_c ≤ F* = Σ f_c: equality. Coarsened summaries give a plan that is
// feasible for the labourers (a class stands for its least flexible member), so the county runs reach
// at least the plan; the gap to the global optimum is measured, not assumed.
import { nonPoorPlaces, pairFit, povertyWeight, type MatchLabourer, type MatchVacancy } from '../matching/index.js';
import { regionContains } from '../divisions.js';
import { minCostFlow } from '../matching/min-cost-flow.js';
import { isOpen } from './open-vacancies.js';
import type { AllocationOptions, ClassSummary, CountySummary, NationalAllocation } from './types.js';

interface Group {
  kind: 'job' | 'post';
  county: string;
  /** By id. */
  members: MatchVacancy[];
  anyoneNode: number;
  poorOnlyNode: number;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Growable typed columns for the arcs. */
class Arcs {
  length = 0;
  from = new Int32Array(1 << 16);
  to = new Int32Array(1 << 16);
  capacity = new Float64Array(1 << 16);
  cost = new Float64Array(1 << 16);
  fit = new Int32Array(1 << 16);
  push(from: number, to: number, capacity: number, cost: number, fit: number): void {
    if (this.length === this.from.length) {
      const size = this.from.length * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(size);
        b.set(a);
        return b;
      };
      this.from = grow(this.from, (k) => new Int32Array(k));
      this.to = grow(this.to, (k) => new Int32Array(k));
      this.capacity = grow(this.capacity, (k) => new Float64Array(k));
      this.cost = grow(this.cost, (k) => new Float64Array(k));
      this.fit = grow(this.fit, (k) => new Int32Array(k));
    }
    const i = this.length++;
    this.from[i] = from;
    this.to[i] = to;
    this.capacity[i] = capacity;
    this.cost[i] = cost;
    this.fit[i] = fit;
  }
}

/** The class's declines of vacancies still open (others change nothing). */
function openDeclines(cls: ClassSummary, openIds: ReadonlySet<string>): string[] {
  return [...new Set((cls.declinedVacancyIds ?? []).filter((id) => openIds.has(id)))].sort(compare);
}

function representative(cls: ClassSummary, homeCounty: string, declined: readonly string[]): MatchLabourer {
  const l: MatchLabourer = {
    id: 'class',
    homeCounty,
    skills: cls.skills,
    destinations: cls.canTravel ? cls.destinations : [],
    canTravel: cls.canTravel,
    expectedWage: cls.expectedWage,
    poverty: cls.poverty,
    optedOut: false,
    registeredAt: '',
  };
  if (cls.availableFrom !== undefined) l.availableFrom = cls.availableFrom;
  if (declined.length > 0) l.declinedVacancyIds = declined;
  return l;
}

/** Every attribute but the home county (and poverty, which changes the weight, not the arcs). */
function awayKey(cls: ClassSummary, declined: readonly string[]): string {
  return JSON.stringify([cls.skills, cls.destinations, cls.expectedWage, cls.availableFrom ?? '', declined]);
}

export function allocateNationally(
  summaries: readonly CountySummary[],
  vacancies: readonly MatchVacancy[],
  options: AllocationOptions = {},
): NationalAllocation {
  const started = performance.now();
  const { today } = options;

  // Open vacancies in groups of identical ones (a vacancy someone declined stays alone).
  const seen = new Set<string>();
  const open = vacancies
    .filter((v) => !seen.has(v.id) && (seen.add(v.id), isOpen(v, today)))
    .sort((a, b) => compare(a.id, b.id));
  const openIds = new Set(open.map((v) => v.id));
  const declined = new Set<string>();
  for (const s of summaries) for (const c of s.classes) if (c.count > 0) for (const id of openDeclines(c, openIds)) declined.add(id);
  const groups: Group[] = [];
  const groupByKey = new Map<string, Group>();
  for (const v of open) {
    const skills = [...new Set(v.skills)].sort(compare);
    const attributes = JSON.stringify([v.kind, v.county, skills, v.monthlyWage, v.startDate.slice(0, 10)]);
    const key = declined.has(v.id) ? `${attributes}${v.id}` : attributes;
    let group = groupByKey.get(key);
    if (group === undefined) {
      group = { kind: v.kind, county: v.county, members: [], anyoneNode: -1, poorOnlyNode: -1 };
      groupByKey.set(key, group);
      groups.push(group);
    }
    group.members.push(v);
  }
  const nodeCapacity: number[] = [];
  groups.forEach((g) => {
    let anyone = 0;
    let poorOnly = 0;
    for (const v of g.members) {
      const nonPoor = nonPoorPlaces(v);
      anyone += nonPoor;
      poorOnly += Math.floor(v.remaining) - nonPoor;
    }
    if (anyone > 0) g.anyoneNode = nodeCapacity.push(anyone) - 1;
    if (poorOnly > 0) g.poorOnlyNode = nodeCapacity.push(poorOnly) - 1;
  });
  const V = nodeCapacity.length;
  const weight = povertyWeight(V);
  const groupsByCounty = new Map<string, number[]>();
  const jobGroupsByCounty = new Map<string, number[]>();
  groups.forEach((g, index) => {
    const add = (map: Map<string, number[]>): void => {
      const list = map.get(g.county);
      if (list === undefined) map.set(g.county, [index]);
      else list.push(index);
    };
    add(groupsByCounty);
    if (g.kind === 'job') add(jobGroupsByCounty);
  });
  const jobCounties = [...jobGroupsByCounty.keys()].sort(compare);
  const countiesInRegion = new Map<string, string[]>();
  const inRegion = (region: string): string[] => {
    let list = countiesInRegion.get(region);
    if (list === undefined) countiesInRegion.set(region, (list = jobCounties.filter((c) => regionContains(region, c))));
    return list;
  };

  // Classes: a node of their own when they have arcs at home; otherwise supply of their hub.
  interface Source {
    county: string;
    count: number;
    poor: boolean;
    hub: number;
    home: { node: number; fit: number }[];
  }
  interface Hub {
    cls: ClassSummary;
    declined: string[];
    away: string;
    /** Members with no arc at home, by county. */
    direct: Map<string, number>;
    directTotal: number;
    /** Direct members and members of sources that may come here. */
    candidates: number;
  }
  const sources: Source[] = [];
  const hubIndex = new Map<string, number>();
  const hubs: Hub[] = [];
  let labourers = 0;
  const countyNames = new Set<string>();
  for (const summary of summaries) {
    countyNames.add(summary.county);
    for (const cls of summary.classes) {
      if (!(cls.count > 0)) continue;
      labourers += cls.count;
      const county = cls.homeCounty;
      const declinedHere = openDeclines(cls, openIds);
      let hub = -1;
      if (cls.canTravel && cls.destinations.length > 0) {
        const away = awayKey(cls, declinedHere);
        const key = `${cls.poverty ? 'P' : 'N'}${away}`;
        let h = hubIndex.get(key);
        if (h === undefined) {
          h = hubs.push({ cls, declined: declinedHere, away, direct: new Map(), directTotal: 0, candidates: 0 }) - 1;
          hubIndex.set(key, h);
        }
        hub = h;
        hubs[h]!.candidates += cls.count;
      }
      const rep = representative(cls, county, declinedHere);
      const home: Source['home'] = [];
      for (const g of groupsByCounty.get(county) ?? []) {
        const group = groups[g]!;
        const pair = pairFit(rep, group.members[0]!, today);
        if (pair === undefined) continue;
        if (group.anyoneNode >= 0) home.push({ node: group.anyoneNode, fit: pair.fit });
        if (cls.poverty && group.poorOnlyNode >= 0) home.push({ node: group.poorOnlyNode, fit: pair.fit });
      }
      if (home.length > 0) sources.push({ county, count: cls.count, poor: cls.poverty, hub, home });
      else if (hub >= 0) {
        const h = hubs[hub]!;
        h.direct.set(county, (h.direct.get(county) ?? 0) + cls.count);
        h.directTotal += cls.count;
      }
    }
  }

  // Every hub arc: jobs in the hub's destinations, one list for the poor and the non-poor twin.
  const awayArcs = new Map<string, { node: Int32Array; fit: Int32Array }>();
  const hubArcStart = new Int32Array(hubs.length + 1);
  hubs.forEach(({ cls, declined: declinedHere, away }, h) => {
    let list = awayArcs.get(away);
    if (list === undefined) {
      const node: number[] = [];
      const fit: number[] = [];
      const rep = representative(cls, '', declinedHere);
      const candidates = new Set<number>();
      for (const region of cls.destinations) for (const county of inRegion(region)) for (const g of jobGroupsByCounty.get(county)!) candidates.add(g);
      for (const g of [...candidates].sort((a, b) => a - b)) {
        const group = groups[g]!;
        if (group.anyoneNode < 0) continue;
        const pair = pairFit(rep, group.members[0]!, today);
        if (pair === undefined) continue;
        node.push(group.anyoneNode);
        fit.push(pair.fit);
      }
      list = { node: Int32Array.from(node), fit: Int32Array.from(fit) };
      awayArcs.set(away, list);
    }
    hubArcStart[h + 1] = hubArcStart[h]! + list.node.length;
  });
  const hubArcs = (h: number): { node: Int32Array; fit: Int32Array } => awayArcs.get(hubs[h]!.away)!;
  const feasibleHubArcs = hubArcStart[hubs.length]!;

  const S = sources.length;
  const H = hubs.length;
  const hubNode = (h: number): number => S + h;
  const vacancyNode = (v: number): number => S + H + v;
  const sink = S + H + V;
  const arcs = new Arcs();
  const cost = (poor: boolean, fit: number): number => -((poor ? weight : 0) + fit);

  // Fixed arcs: sources (home, hub, no place), hubs (no place), vacancy nodes (their places).
  const supply = new Float64Array(sink + 1);
  // Capacities no flow can exceed anyway keep the solver's pushes small.
  sources.forEach((source, s) => {
    supply[s] = source.count;
    supply[sink]! -= source.count;
    arcs.push(s, sink, source.count, 0, 0);
    if (source.hub >= 0) arcs.push(s, hubNode(source.hub), source.count, 0, 0);
    for (const { node, fit } of source.home) {
      arcs.push(s, vacancyNode(node), Math.min(source.count, nodeCapacity[node]!), cost(source.poor, fit), fit);
    }
  });
  hubs.forEach((hub, h) => {
    supply[hubNode(h)] = hub.directTotal;
    supply[sink]! -= hub.directTotal;
    arcs.push(hubNode(h), sink, hub.candidates, 0, 0);
  });
  for (let v = 0; v < V; v++) arcs.push(vacancyNode(v), sink, nodeCapacity[v]!, 0, 0);

  // Every hub arc. (Pricing them in rounds, as the county engine does, was measured slower here: each
  // round of cost scaling costs nearly a cold solve, and a national network needed a dozen.)
  for (let h = 0; h < H; h++) {
    const { node, fit } = hubArcs(h);
    const hub = hubs[h]!;
    for (let i = 0; i < node.length; i++) {
      arcs.push(hubNode(h), vacancyNode(node[i]!), Math.min(hub.candidates, nodeCapacity[node[i]!]!), cost(hub.cls.poverty, fit[i]!), fit[i]!);
    }
  }
  const m = arcs.length;
  const solution = minCostFlow({
    nodes: sink + 1,
    from: arcs.from.subarray(0, m),
    to: arcs.to.subarray(0, m),
    capacity: arcs.capacity.subarray(0, m),
    cost: arcs.cost.subarray(0, m),
    supply,
  });
  // Anyone may stay without a place, so a flow always exists.
  if (solution === undefined) throw new Error('allocation: the flow network has no solution');
  const { flow } = solution;

  // Placements per (vacancy node, county): sources' own arcs, then each hub's placements split over
  // the counties of its candidates in proportion to their numbers.
  const byNode = new Map<number, Map<string, number>>();
  const give = (node: number, county: string, amount: number): void => {
    if (amount <= 0) return;
    let counties = byNode.get(node);
    if (counties === undefined) byNode.set(node, (counties = new Map()));
    counties.set(county, (counties.get(county) ?? 0) + amount);
  };
  const hubIn: Map<string, number>[] = hubs.map((hub) => new Map(hub.direct));
  const hubOut: [number, number][][] = hubs.map(() => []);
  let poorPlaced = 0;
  let totalFit = 0;
  for (let a = 0; a < m; a++) {
    const f = flow[a]!;
    if (f === 0) continue;
    const from = arcs.from[a]!;
    const to = arcs.to[a]!;
    if (to >= S + H && to < sink) {
      const poor = from < S ? sources[from]!.poor : hubs[from - S]!.cls.poverty;
      if (poor) poorPlaced += f;
      totalFit += f * arcs.fit[a]!;
      if (from < S) give(to - S - H, sources[from]!.county, f);
      else hubOut[from - S]!.push([to - S - H, f]);
    } else if (from < S && to >= S && to < S + H) {
      const inflow = hubIn[to - S]!;
      inflow.set(sources[from]!.county, (inflow.get(sources[from]!.county) ?? 0) + f);
    }
  }
  hubs.forEach((_, h) => {
    const outs = hubOut[h]!;
    const placed = outs.reduce((sum, [, f]) => sum + f, 0);
    if (placed === 0) return;
    const shares = proportional(hubIn[h]!, placed);
    let i = 0;
    let left = shares[0]?.[1] ?? 0;
    for (const [node, amount] of outs) {
      let rest = amount;
      while (rest > 0) {
        const take = Math.min(rest, left);
        give(node, shares[i]![0], take);
        rest -= take;
        left -= take;
        if (left === 0) left = shares[++i]?.[1] ?? 0;
      }
    }
  });

  // Job places per (county, vacancy): each node's counties over its vacancies in id order; unused
  // places to the vacancy's own county.
  const quotas: Record<string, Record<string, number>> = {};
  const addQuota = (county: string, vacancyId: string, places: number): void => {
    if (places <= 0) return;
    const mine = (quotas[county] ??= {});
    mine[vacancyId] = (mine[vacancyId] ?? 0) + places;
  };
  let places = 0;
  for (const group of groups) {
    for (const v of group.members) places += Math.floor(v.remaining);
    if (group.kind !== 'job') continue;
    const room = group.members.map((v) => Math.floor(v.remaining));
    const counties = group.anyoneNode >= 0 ? byNode.get(group.anyoneNode) : undefined;
    let k = 0;
    for (const county of [...(counties?.keys() ?? [])].sort(compare)) {
      let amount = counties!.get(county)!;
      while (amount > 0 && k < room.length) {
        const take = Math.min(amount, room[k]!);
        addQuota(county, group.members[k]!.id, take);
        room[k]! -= take;
        amount -= take;
        if (room[k] === 0) k++;
      }
    }
    group.members.forEach((v, i) => addQuota(v.county, v.id, room[i]!));
  }

  return {
    quotas,
    poorPlaced,
    totalFit,
    objective: poorPlaced * weight + totalFit,
    povertyWeight: weight,
    stats: {
      counties: countyNames.size,
      labourers,
      classes: S + hubs.reduce((n, hub) => n + hub.direct.size, 0),
      sources: S,
      hubs: H,
      vacancyNodes: V,
      feasibleHubArcs,
      arcs: m,
      places,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/** `total` split over the counties in proportion to their numbers (largest remainders, ties by county). */
function proportional(numbers: ReadonlyMap<string, number>, total: number): [string, number][] {
  const counties = [...numbers.keys()].sort(compare);
  const sum = counties.reduce((s, c) => s + numbers.get(c)!, 0);
  const exact = counties.map((c) => (total * numbers.get(c)!) / sum);
  const shares = counties.map((c, i): [string, number] => [c, Math.floor(exact[i]!)]);
  let left = total - shares.reduce((s, [, x]) => s + x, 0);
  const order = counties.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (let k = 0; left > 0; k++, left--) shares[order[k % order.length]!]![1]++;
  return shares.filter(([, x]) => x > 0);
}
