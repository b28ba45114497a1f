// A chartered bus's life and stops, as the table keeps them and the routes and pages name them.
/** proposed → booked → boarding (roll call) → departed → arrived; or cancelled. */
export const TRIP_STATUSES = ['proposed', 'booked', 'boarding', 'departed', 'arrived', 'cancelled'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

export interface TripStop {
  kind: 'pickup' | 'drop';
  code?: string;
  name: string;
  time?: string;
}
