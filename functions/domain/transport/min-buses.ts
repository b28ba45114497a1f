// The fewest buses for one group without a day cap: the "earliest deadline" greedy, and its mirror image.
//
// Why the greedy is optimal. Each passenger i is an interval [e_i, l_i] of days; a bus is a day d and
// at most `seats` passengers whose intervals contain d. Let d be the smallest l among the passengers
// still unplaced, and G the (up to) `seats` passengers with e ≤ d that have the smallest deadlines.
//  1. Some optimal plan has a bus on day d holding exactly G. Take any optimal plan. A bus leaving
//     before d can be moved to d: its passengers have e ≤ its day < d and l ≥ d (d is the smallest l).
//     So every bus leaves on d or later, and the passenger p with l_p = d rides a bus B on day d.
//     If g ∈ G rides elsewhere, on a bus B' with day d' ∈ [d, l_g]: when B has a free seat move g
//     into B (e_g ≤ d ≤ l_g); otherwise B holds some b ∉ G with l_b ≥ l_g (G has the smallest deadlines
//     among those that can ride on d, and b can), so swap them: b fits on B' because
//     e_b ≤ d ≤ d' ≤ l_g ≤ l_b. Neither step adds a bus, and after at most `seats` steps B holds G
//     (B ⊆ {e ≤ d} and |B| ≤ seats, so once G ⊆ B, B = G).
//  2. Removing G and B leaves an optimal plan of the rest with one bus fewer, and the greedy recurses
//     on exactly that rest; by induction it uses the optimum number of buses.
// Reversing time (e ↔ −l) gives the mirror greedy "latest release": depart on the largest e among the
// unplaced, preferring the latest releases; same count, but its buses leave as early as their
// passengers allow, which is where waiting is small. Both return buses sorted by day.
import { type Bus, type Group, deadlineKey, groupSize } from './group.js';
import { KeyedHeap } from './index-heap.js';

/** Earliest-deadline greedy: each bus leaves on the smallest deadline among the unplaced. */
export function earliestDeadlineBuses(group: Group, seats: number): Bus[] {
  const { earliest: e, latest: l } = group;
  const n = groupSize(group);
  const byDeadline = Array.from({ length: n }, (_, i) => i).sort((a, b) => l[a]! - l[b]! || a - b);
  const placed = new Uint8Array(n);
  const ready = new KeyedHeap();
  const buses: Bus[] = [];
  let released = 0;
  for (let cursor = 0; cursor < n; ) {
    if (placed[byDeadline[cursor]!]) {
      cursor++;
      continue;
    }
    const day = l[byDeadline[cursor]!]!;
    while (released < n && e[released]! <= day) ready.push(released, deadlineKey(group, released++));
    const members: number[] = [];
    while (members.length < seats && ready.size > 0) {
      const p = ready.pop()!;
      placed[p] = 1;
      members.push(p);
    }
    buses.push({ day, members: members.sort((a, b) => a - b) });
  }
  return buses;
}

/** Latest-release greedy (the mirror image): each bus leaves on the largest release among the unplaced. */
export function latestReleaseBuses(group: Group, seats: number): Bus[] {
  const { earliest: e, latest: l } = group;
  const n = groupSize(group);
  const byDeadlineDesc = Array.from({ length: n }, (_, i) => i).sort((a, b) => l[b]! - l[a]! || b - a);
  const placed = new Uint8Array(n);
  const ready = new KeyedHeap(); // latest release first: passengers are sorted by release, so highest index first
  const buses: Bus[] = [];
  let released = 0;
  for (let cursor = n - 1; cursor >= 0; ) {
    if (placed[cursor]) {
      cursor--;
      continue;
    }
    const day = e[cursor]!;
    while (released < n && l[byDeadlineDesc[released]!]! >= day) {
      const p = byDeadlineDesc[released++]!;
      ready.push(p, -p);
    }
    const members: number[] = [];
    while (members.length < seats && ready.size > 0) {
      const p = ready.pop()!;
      placed[p] = 1;
      members.push(p);
    }
    buses.push({ day, members: members.sort((a, b) => a - b) });
  }
  return buses.reverse();
}
