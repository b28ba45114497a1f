// Open vacancies with identical attributes grouped, and each group's nodes in the flow network.
//
// Vacancies that differ only in id and places are interchangeable to every labourer, so one node
// carries their summed places. A public-welfare post group becomes two nodes: one open to any resident
// (its places: the non-poor quota) and one for poor residents only (the rest); a non-poor resident can
// then take at most the quota while a poor one may take any place, which is exactly the post's rule.
import { nonPoorPlaces, takesAnyone, vacancyOpen } from './feasibility.js';
import type { MatchVacancy } from './types.js';

export interface VacancyGroup {
  kind: 'job' | 'post';
  county: string;
  /** Distinct skills, sorted. */
  skills: readonly string[];
  takesAnyone: boolean;
  monthlyWage: number;
  startDate: string;
  /** The grouped vacancies, by id. */
  members: MatchVacancy[];
  /** Node open to anyone who fits (jobs: all places; posts: the non-poor quota), −1 when it has no places. */
  anyoneNode: number;
  /** Posts: node for poor residents only, −1 when none. */
  poorOnlyNode: number;
}

export interface VacancyNode {
  group: number;
  capacity: number;
}

export interface VacancyGroups {
  groups: VacancyGroup[];
  nodes: VacancyNode[];
  /** Ids of the open vacancies, the only ones a decline can refer to. */
  openIds: ReadonlySet<string>;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Groups the open vacancies (places left, not started before `today`). Vacancies some labourer has
 * declined stay alone, so a class can be kept off exactly that vacancy.
 */
export function groupVacancies(
  vacancies: readonly MatchVacancy[],
  declinedIds: ReadonlySet<string>,
  today?: string,
): VacancyGroups {
  const seen = new Set<string>();
  const open: MatchVacancy[] = [];
  for (const v of vacancies) {
    if (seen.has(v.id)) continue;
    seen.add(v.id);
    if (vacancyOpen(v, today) && Math.floor(v.remaining) > 0) open.push(v);
  }
  open.sort((a, b) => compareIds(a.id, b.id));

  const byKey = new Map<string, VacancyGroup>();
  const groups: VacancyGroup[] = [];
  for (const v of open) {
    const skills = [...new Set(v.skills)].sort();
    const attributes = `${v.kind}|${v.county}|${skills.join(',')}|${v.monthlyWage}|${v.startDate.slice(0, 10)}`;
    const key = declinedIds.has(v.id) ? `${attributes}|${v.id}` : attributes;
    let group = byKey.get(key);
    if (group === undefined) {
      group = {
        kind: v.kind,
        county: v.county,
        skills,
        takesAnyone: takesAnyone(skills),
        monthlyWage: v.monthlyWage,
        startDate: v.startDate.slice(0, 10),
        members: [],
        anyoneNode: -1,
        poorOnlyNode: -1,
      };
      byKey.set(key, group);
      groups.push(group);
    }
    group.members.push(v);
  }

  const nodes: VacancyNode[] = [];
  groups.forEach((group, index) => {
    let anyone = 0;
    let poorOnly = 0;
    for (const v of group.members) {
      const remaining = Math.floor(v.remaining);
      const nonPoor = nonPoorPlaces(v);
      anyone += nonPoor;
      poorOnly += remaining - nonPoor;
    }
    if (anyone > 0) {
      group.anyoneNode = nodes.length;
      nodes.push({ group: index, capacity: anyone });
    }
    if (poorOnly > 0) {
      group.poorOnlyNode = nodes.length;
      nodes.push({ group: index, capacity: poorOnly });
    }
  });
  return { groups, nodes, openIds: new Set(open.map((v) => v.id)) };
}
