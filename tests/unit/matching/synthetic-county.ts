// Seeded synthetic counties for the matching tests and bench: a labour-exporting county (青川县,
// Sichuan) whose workers go to ~30 provinces and cities, and the vacancies published for them.
// Realistic skews: a few skills and destinations are far more popular than the rest, wages sit in
// 100-CNY bands, a quarter of the labourers are poor, some cannot travel, a few give a start date.
import { listPlaces, regionContains } from '../../../functions/domain/divisions.js';
import { SKILLS } from '../../../functions/domain/skills.js';
import type { MatchLabourer, MatchVacancy } from '../../../functions/domain/matching/index.js';
import { seededRandom as random } from '../../helpers/seeded-random.js';

export const HOME_COUNTY = '510822';
const NEIGHBOURS = ['510802', '510811', '510812', '510821', '510823', '510824'];
/** Where this county's workers go, most popular first (provinces, cities, one district). */
const DESTINATIONS = [
  '44', '4403', '4419', '33', '3302', '4401', '32', '3205', '5101', '3301',
  '4406', '35', '3502', '5001', '3101', '3303', '4413', '3505', '1101', '3201',
  '3202', '3306', '3307', '3305', '50', '4201', '6101', '3702', '440306', '51',
];
const START_DATES = ['2026-02-15', '2026-02-20', '2026-02-25', '2026-03-01', '2026-03-08', '2026-03-15'];
const AVAILABLE_DATES = ['2026-02-10', '2026-02-16', '2026-02-21', '2026-02-26', '2026-03-02'];
export const TODAY = '2026-02-01';

export { seededRandom as random } from '../../helpers/seeded-random.js';

/** Picks index i with weight 1 / (i + 1)^s: a Zipf law over n items. */
function zipf(n: number, s: number): (r: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) cumulative.push((total += 1 / (i + 1) ** s));
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function distinct(count: number, pick: () => number): number[] {
  const chosen: number[] = [];
  for (let tries = 0; chosen.length < count && tries < 50; tries++) {
    const i = pick();
    if (!chosen.includes(i)) chosen.push(i);
  }
  return chosen;
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function band(value: number, lo: number, hi: number): number {
  return Math.round(Math.min(hi, Math.max(lo, value)) / 100) * 100;
}

export interface SyntheticCounty {
  labourers: MatchLabourer[];
  vacancies: MatchVacancy[];
  today: string;
}

export interface SyntheticOptions {
  labourers: number;
  postings: number;
  openings: number;
  seed: number;
}

export function syntheticCounty({ labourers: labourerCount, postings, openings, seed }: SyntheticOptions): SyntheticCounty {
  const r = random(seed);
  const skillOf = zipf(SKILLS.length, 1.2);
  const destinationOf = zipf(DESTINATIONS.length, 1.3);
  const counties = listPlaces().filter((p) => p.level === 'county');
  const countiesIn = new Map(DESTINATIONS.map((d) => [d, counties.filter((c) => regionContains(d, c.code))]));
  const elsewhere = counties.filter((c) => !DESTINATIONS.some((d) => regionContains(d, c.code)));

  // Postings: public-welfare posts and 扶贫车间 jobs at home, the rest mostly where workers go.
  const posts = Math.max(1, Math.round(postings * 0.03));
  const localJobs = Math.max(1, Math.round(postings * 0.07));
  const sizes = Array.from({ length: postings }, () => Math.exp(normal(r) * 0.8));
  const scale = (openings - postings) / sizes.reduce((a, b) => a + b, 0);
  const places = sizes.map((s) => 1 + Math.floor(s * scale));
  for (let i = 0, left = openings - places.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % postings, left--) places[i]!++;
  const vacancies: MatchVacancy[] = places.map((placesHere, i) => {
    const id = `V${String(i).padStart(5, '0')}`;
    const startDate = START_DATES[Math.floor(r() * START_DATES.length)]!;
    if (i < posts) {
      const filled = r() < 0.3 ? Math.floor(placesHere * r() * 0.5) : 0;
      return {
        id,
        kind: 'post',
        county: HOME_COUNTY,
        skills: ['普工'],
        monthlyWage: band(1800 + r() * 800, 1500, 3000),
        startDate,
        openings: placesHere,
        remaining: placesHere - filled,
        poorShareMin: 0.6,
        nonPoorCommitted: Math.floor(filled * r() * 0.4),
      };
    }
    const skills = r() < 0.35 ? ['普工'] : distinct(r() < 0.8 ? 1 : 2, () => 1 + skillOf(r) % (SKILLS.length - 1)).map((k) => SKILLS[k]!);
    let county: string;
    let wage: number;
    if (i < posts + localJobs) {
      county = r() < 0.7 ? HOME_COUNTY : NEIGHBOURS[Math.floor(r() * NEIGHBOURS.length)]!;
      wage = band(3200 + normal(r) * 600, 2000, 5000);
    } else if (r() < 0.9) {
      const inside = countiesIn.get(DESTINATIONS[destinationOf(r)]!)!;
      county = inside[Math.floor(r() * inside.length)]!.code;
      wage = band(5600 + normal(r) * 1200, 3000, 12000);
    } else {
      county = elsewhere[Math.floor(r() * elsewhere.length)]!.code;
      wage = band(5000 + normal(r) * 1200, 3000, 12000);
    }
    return { id, kind: 'job', county, skills, monthlyWage: wage, startDate, openings: placesHere, remaining: placesHere };
  });

  const registeredFrom = Date.parse('2025-12-01T00:00:00Z');
  const labourers: MatchLabourer[] = [];
  for (let i = 0; i < labourerCount; i++) {
    const canTravel = r() < 0.92;
    const skillCount = r() < 0.9 ? 1 : 2;
    const destinationCount = r() < 0.75 ? 1 : r() < 0.97 ? 2 : 3;
    // Stated wages heap at round numbers: most people say 4500 or 5000, some 4800.
    const round = r() < 0.7 ? 500 : 100;
    const wish = canTravel ? 5000 + normal(r) * 900 : 3000 + normal(r) * 500;
    const wage = canTravel ? band(Math.round(wish / round) * round, 2500, 9000) : band(Math.round(wish / round) * round, 1500, 5000);
    const labourer: MatchLabourer = {
      id: `L${String(i).padStart(7, '0')}`,
      homeCounty: r() < 0.98 ? HOME_COUNTY : NEIGHBOURS[Math.floor(r() * NEIGHBOURS.length)]!,
      skills: distinct(skillCount, () => skillOf(r)).map((k) => SKILLS[k]!),
      destinations: canTravel ? distinct(destinationCount, () => destinationOf(r)).map((k) => DESTINATIONS[k]!) : [],
      canTravel,
      expectedWage: wage,
      poverty: r() < 0.25,
      optedOut: r() < 0.01,
      registeredAt: new Date(registeredFrom + Math.floor(r() * 60 * 86_400_000)).toISOString(),
    };
    if (r() < 0.05) labourer.availableFrom = AVAILABLE_DATES[Math.floor(r() * AVAILABLE_DATES.length)]!;
    if (r() < 0.005) labourer.declinedVacancyIds = [vacancies[Math.floor(r() * vacancies.length)]!.id];
    labourers.push(labourer);
  }
  return { labourers, vacancies, today: TODAY };
}
