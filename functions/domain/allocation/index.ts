// The national allocation (DESIGN §4 scale-out, §7): pure domain code, no I/O. Level 1 splits each
// job's places among origin counties from their class summaries; level 2 is matchCounty per county on
// countyVacancies(…). With exact summaries the two levels reach the global optimum (allocate.ts).
export { allocateNationally } from './allocate.js';
export { countyVacancies } from './county-vacancies.js';
export {
  MAX_COARSENESS,
  marketDigest,
  marketView,
  summariseLabourers,
  type MarketDigest,
  type MarketView,
  type SummaryOptions,
} from './summarise.js';
export type { AllocationOptions, AllocationStats, ClassSummary, CountySummary, NationalAllocation } from './types.js';
