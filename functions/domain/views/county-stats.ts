// GET /stats: a county's figures as the dashboard shows them. One definition for the service and the pages.

export interface CountyStats {
  county: string;
  registered: number;
  poverty: number;
  offered: number;
  accepted: number;
  placed: number;
  travelling: number;
  optedOut: number;
  /** Still unplaced a week after registering: candidates for public-welfare posts or local jobs. */
  watchList: number;
  offers: { offered: number; accepted: number; declined: number; expired: number };
  posts: { count: number; openings: number; filled: number };
  /** Buses booked, at the roll call, on the road or arrived (not those only proposed or cancelled). */
  trips: number;
  /** By the day in China. */
  registrationsByDay: { date: string; count: number }[];
  placementsByDestination: { code: string; count: number }[];
  /** After the bus (issue #18): got off the bus, not yet confirmed at work. */
  arrived: number;
  /** Placed workers still at work (or who left later) N days after placement. */
  retained30: number;
  retained60: number;
  retained90: number;
  /** Workers who left a job or never started, and why. */
  leavers: number;
  leftReasons: { left: number; change: number; not_arrived: number };
  /** Placed workers whose last check-in went unanswered. */
  checkInUnknown: number;
  /** The same by job (vacancy) and by destination county. */
  retentionByEmployer: RetentionGroup[];
  retentionByDestination: RetentionGroup[];
  /** When these figures were computed (ISO time). */
  asOf: string;
}

export interface RetentionGroup {
  /** A vacancy id (with its title) or a destination county code. */
  key: string;
  title?: string;
  placed: number;
  atWork: number;
  retained30: number;
  retained60: number;
  retained90: number;
  leavers: number;
}
