// What the after-the-bus routes answer (issue #18): the roll call of a bus on its day and the workers coming
// to a vacancy. One definition, read by the services that build them and the pages that show them.
import type { WorkerStatus } from '../after-bus/worker-status.js';
import type { TripStatus, TripStop } from './trip.js';

/** A check-in's outcome: the labourer's answer, or `unknown` when not answered within 7 days. */
export const CHECK_IN_ANSWERS = ['stay', 'left', 'change', 'unknown'] as const;
type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

export interface BoardingPassenger {
  labourerId: string;
  seatNo: number;
  name: string;
  idNumberMasked: string;
  phone: string;
  /** The stop the passenger boards at (its name) and when the bus is there. */
  pickup: string;
  pickupTime: string;
  drop: string;
  vacancyTitle: string;
  boarding?: 'present' | 'absent';
  boardedAt?: string;
  boardedBy?: string;
}

export interface BoardingList {
  tripId: string;
  status: TripStatus;
  date: string;
  departureTime: string;
  destinationName: string;
  arrivalDate?: string;
  departedAt?: string;
  arrivedAt?: string;
  vehiclePlate?: string;
  escort?: string;
  escortPhone?: string;
  /** Pickups then drops in route order, each with its time where known (the printed sheet heads each stop with it). */
  stops: TripStop[];
  present: number;
  absent: number;
  unchecked: number;
  /** By pickup stop in route order, then seat. */
  passengers: BoardingPassenger[];
}

export interface VacancyWorker {
  offerId: string;
  labourerId: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  status: WorkerStatus;
  /** The labourer's home county. */
  county: string;
  /** The job is in another county: the worker comes by bus (or on their own, 自行前往, when no bus holds them). */
  needsBus: boolean;
  /** 确认已上岗 / 未到岗 are accepted now (POST /offers/{id}/placed, /not-arrived). */
  canSettle: boolean;
  /** 未到岗 alone is accepted: their bus left without them (a no-show waiting for another). */
  canMarkNotArrived: boolean;
  /** Their bus: the one they arrived on, or the one holding their seat (booked, boarding, on its way). */
  tripId?: string;
  /** The bus's day (China): the day it left once it has, else the planned one. */
  tripDate?: string;
  /** When the bus picks them up (their stop's time). */
  tripTime?: string;
  tripStatus?: string;
  /** The day (China) the bus arrived, or, while it has not, the day it is expected (`arrived` false). */
  arrivalDate?: string;
  arrived?: boolean;
  placedAt?: string;
  leftAt?: string;
  leftReason?: string;
  /** The 30/60/90-day check-ins' answers (`unknown`: not answered within 7 days). */
  retention?: { d30?: CheckInAnswer; d60?: CheckInAnswer; d90?: CheckInAnswer };
}
