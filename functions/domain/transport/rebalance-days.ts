// After the fewest departures are chosen, who rides on which of a unit's days changes the bill: 8 and 9
// riders need two minibuses, 7 and 10 a van and a minibus. A local search over pairs of the unit's days
// moves the best number of riders from one day to the other (those whose window holds both days) when
// that lowers Σ cheapest cover (cover.ts) of the two days, within the seats the receiving day's
// departures have plus those of the departures the day cap still leaves free that day (`spare`, taken
// with `take`). A day left empty gives its departures back.
// Stops are not counted here (split-by-pickups.ts does them after).
import type { CoverTable } from './cover.js';

const EPS = 1e-9;
/** Rounds over all pairs; each move only lowers the cost, so few are needed. */
const MAX_ROUNDS = 6;

export interface UnitDay {
  /** Departures (largest-vehicle loads) the day holds after the cap. */
  buses: number;
  /** Rider indices into the unit. */
  members: number[];
}

/**
 * Moves riders between `days` (index → day) in place; windows[i] = [first, last] of rider i. Returns the
 * days it emptied (and removed), whose departures are free again.
 */
export function rebalanceDays(
  days: Map<number, UnitDay>,
  windows: readonly (readonly [number, number])[],
  cover: CoverTable,
  maxSeats: number,
  spare: (day: number) => number = () => 0,
  take: (day: number, departures: number) => void = () => undefined,
): number[] {
  if (days.size < 2) return [];
  const order = [...days.keys()].sort((a, b) => a - b);
  const cost = (n: number) => cover.costOf(n);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    for (const from of order) {
      for (const to of order) {
        if (from === to) continue;
        const a = days.get(from)!;
        const b = days.get(to)!;
        if (a.members.length === 0) break;
        const free = Math.min(spare(to), Math.ceil(a.members.length / maxSeats));
        const room = (b.buses + free) * maxSeats - b.members.length;
        if (room <= 0) continue;
        // later riders first: moving them keeps early arrivals down when the move is to a later day
        const movable = a.members.filter((r) => windows[r]![0] <= to && to <= windows[r]![1]).sort((x, y) => windows[y]![1] - windows[x]![1] || x - y);
        const limit = Math.min(room, movable.length);
        if (limit === 0) continue;
        const before = cost(a.members.length) + cost(b.members.length);
        let bestGain = EPS;
        let bestMove = 0;
        for (let x = 1; x <= limit; x++) {
          const gain = before - cost(a.members.length - x) - cost(b.members.length + x);
          if (gain > bestGain) {
            bestGain = gain;
            bestMove = x;
          }
        }
        if (bestMove === 0) continue;
        const going = new Set(movable.slice(0, bestMove));
        a.members = a.members.filter((r) => !going.has(r));
        b.members.push(...going);
        const extra = Math.ceil(b.members.length / maxSeats) - b.buses;
        if (extra > 0) {
          take(to, extra);
          b.buses += extra;
        }
        moved = true;
      }
    }
    if (!moved) break;
  }
  const emptied = order.filter((d) => days.get(d)!.members.length === 0);
  for (const d of emptied) days.delete(d);
  for (const d of days.values()) d.members.sort((x, y) => x - y);
  return emptied;
}
