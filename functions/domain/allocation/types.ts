// The national allocation's input and output shapes: per-county class summaries and open vacancies in,
// places per (origin county, vacancy) out. Plain JSON-friendly data: summaries and quotas travel
// between Lambda steps of the national run.

/** Labourers of one county who are interchangeable to the allocation, and how many there are. */
export interface ClassSummary {
  homeCounty: string;
  /** Members (opted-out labourers are never summarised). */
  count: number;
  poverty: boolean;
  skills: readonly string[];
  /** Only meaningful when canTravel; most wanted first. */
  destinations: readonly string[];
  canTravel: boolean;
  expectedWage: number;
  availableFrom?: string;
  /** Open vacancies every member declined before. */
  declinedVacancyIds?: readonly string[];
}

export interface CountySummary {
  county: string;
  /** Labourers summarised (Σ count). */
  labourers: number;
  classes: ClassSummary[];
  /**
   * 0: exact, every member of a class has the same feasible vacancies at the same fit as the class
   * (against the vacancies it was built from). > 0: coarsened to fit a class budget; a class then
   * stands for its least flexible member (see summarise.ts), so its quotas are always usable.
   */
  coarseness: number;
}

export interface AllocationOptions {
  /** ISO date; vacancies starting before it are closed (as in matchCounty). */
  today?: string;
}

export interface AllocationStats {
  counties: number;
  labourers: number;
  /** (county, class) pairs with members. */
  classes: number;
  /** Classes with arcs at home: the flow network's own source nodes. */
  sources: number;
  /** Travelling classes of all counties with the same attributes, sharing their arcs away from home. */
  hubs: number;
  vacancyNodes: number;
  /** Every feasible (hub, vacancy node) arc. */
  feasibleHubArcs: number;
  arcs: number;
  /** Places of open jobs and posts. */
  places: number;
  seconds: number;
}

export interface NationalAllocation {
  /**
   * county → vacancy id → places that county's run may fill (jobs only). For every job the counties'
   * places sum to at most its remaining places. Public-welfare posts are not listed: a post takes
   * residents of its own county only, so its county always gets all of it.
   */
  quotas: Record<string, Record<string, number>>;
  /** The plan's poor-household placements and total fit: the county runs within the quotas reach them. */
  poorPlaced: number;
  totalFit: number;
  /** poorPlaced · povertyWeight + totalFit, the weight of this network (povertyWeight(vacancy nodes)). */
  objective: number;
  povertyWeight: number;
  stats: AllocationStats;
}
