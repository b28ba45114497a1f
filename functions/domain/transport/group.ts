// The working form of one origin → destination group: windows as day numbers, and buses as index lists.

/**
 * Passengers of one group, sorted by (earliest, latest, labourerId), so an index order is the release
 * order and every tie is broken the same way on every run.
 */
export interface Group {
  ids: readonly string[];
  earliest: Int32Array;
  latest: Int32Array;
  /** The distinct earliest days, ascending: the only days a least-waiting bus leaves on. */
  releases: Int32Array;
  /** The distinct latest days, ascending, and each passenger's index into them. */
  deadlines: Int32Array;
  deadlineRank: Int32Array;
}

/** A group from windows already sorted by (earliest, latest, id). */
export function makeGroup(ids: readonly string[], earliest: Int32Array, latest: Int32Array): Group {
  const deadlines = Int32Array.from(new Set(latest)).sort();
  const rank = new Map<number, number>();
  deadlines.forEach((d, i) => rank.set(d, i));
  return { ids, earliest, latest, releases: Int32Array.from(new Set(earliest)), deadlines, deadlineRank: latest.map((d) => rank.get(d)!) };
}

/** One bus of a group: its departure day and its passengers (indices into the group, ascending). */
export interface Bus {
  day: number;
  members: number[];
}

/** Heap key for "earliest deadline first, then lower index": unique per passenger, exact in a double. */
export function deadlineKey(group: Group, passenger: number): number {
  return group.deadlineRank[passenger]! * group.earliest.length + passenger;
}

export function groupSize(group: Group): number {
  return group.earliest.length;
}

/** The earliest day every passenger of the bus may leave: the latest of their earliest days. */
export function busRelease(group: Group, bus: Bus): number {
  let release = -Infinity;
  for (const m of bus.members) release = Math.max(release, group.earliest[m]!);
  return release;
}

/** The last day every passenger of the bus can still leave: the earliest of their latest days. */
export function busDeadline(group: Group, bus: Bus): number {
  let deadline = Infinity;
  for (const m of bus.members) deadline = Math.min(deadline, group.latest[m]!);
  return deadline;
}

export function busWaiting(group: Group, bus: Bus): number {
  let waiting = 0;
  for (const m of bus.members) waiting += bus.day - group.earliest[m]!;
  return waiting;
}

/** Orders buses by day, then by their first passenger: the one deterministic order of a group's buses. */
export function byDayThenMembers(a: Bus, b: Bus): number {
  return a.day - b.day || (a.members[0] ?? -1) - (b.members[0] ?? -1);
}
