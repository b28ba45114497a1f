// Departures per day of one origin county, against the cap of DESIGN §7 (分批有序错峰).
export class DayCounter {
  private readonly counts = new Map<number, number>();

  constructor(readonly cap: number) {}

  take(day: number): void {
    this.counts.set(day, (this.counts.get(day) ?? 0) + 1);
  }

  give(day: number): void {
    this.counts.set(day, (this.counts.get(day) ?? 0) - 1);
  }

  free(day: number): boolean {
    return (this.counts.get(day) ?? 0) < this.cap;
  }

  withinCap(): boolean {
    for (const count of this.counts.values()) if (count > this.cap) return false;
    return true;
  }

  /** The latest day in [from, to] with a free departure; scans only past full days, so it stays cheap. */
  latestFree(from: number, to: number): number | undefined {
    for (let day = to; day >= from; day--) if (this.free(day)) return day;
    return undefined;
  }

  /** The earliest day in [from, to] with a free departure. */
  earliestFree(from: number, to: number): number | undefined {
    for (let day = from; day <= to; day++) if (this.free(day)) return day;
    return undefined;
  }
}
