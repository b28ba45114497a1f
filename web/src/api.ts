// The HTTP API as the pages use it: JSON in and out, the bearer token of the page's session, and the
// contract's error envelope turned into an ApiError whose `details` name the fields (DESIGN §5).
import { url } from './api-url.js';
import { authorization, renewSession, type Session } from './auth.js';
import { t } from './i18n.js';

// The answers the services define once (functions/domain/views/), as the pages read them.
export type { BoardingList, BoardingPassenger, VacancyWorker } from '../../functions/domain/views/after-bus.js';
export type { CountyStats as Stats, RetentionGroup } from '../../functions/domain/views/county-stats.js';
export type { BroadcastPreview, ResendResult } from '../../functions/domain/views/messaging.js';
export type { HistoryEntry } from '../../functions/domain/views/history.js';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** A 429's Retry-After, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message and, when there are any, the field messages: what a toast shows. */
  get userMessage(): string {
    const fields = this.details.map((d) => d.message).filter((m) => m && m !== this.message);
    return fields.length > 0 ? `${this.message}：${fields.join('；')}` : this.message;
  }
}

export interface RequestOptions {
  session?: Session;
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType`. */
  body?: BodyInit;
  contentType?: string;
}

export interface Response<T> {
  data: T;
  status: number;
  headers: Headers;
}

async function send(method: string, path: string, options: RequestOptions): Promise<globalThis.Response> {
  let body = options.body;
  const type: Record<string, string> = {};
  if (options.json !== undefined) {
    type['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    type['content-type'] = options.contentType;
  }
  const attempt = async (): Promise<globalThis.Response> => {
    try {
      return await fetch(url(path, options.query), { method, headers: { accept: 'application/json', ...type, ...authorization(options.session) }, body });
    } catch {
      throw new ApiError(0, 'NETWORK', t('error.network'));
    }
  };
  let response = await attempt();
  // An ID token that expired while the page stayed open: renewed once with its refresh token.
  if (response.status === 401 && options.session && (await renewSession(options.session))) response = await attempt();
  if (!response.ok) throw await toError(response);
  return response;
}

async function toError(response: globalThis.Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string; details?: FieldIssue[] } };
    if (error) {
      const message = error.message ?? t('error.http', { status: response.status });
      return new ApiError(response.status, error.code ?? 'ERROR', message, error.details ?? [], retryAfterSeconds(response.headers));
    }
  } catch {
    // not the error envelope (a proxy, or a route that is not there at all)
  }
  return new ApiError(response.status, response.status === 404 ? 'NOT_FOUND' : 'ERROR', t('error.http', { status: response.status }));
}

/** Retry-After in seconds (the API sends seconds, never a date). */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = Number(headers.get('retry-after') ?? '');
  return value > 0 ? Math.ceil(value) : undefined;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Response<T>> {
  const response = await send(method, path, options);
  const text = await response.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, status: response.status, headers: response.headers };
}

export const get = async <T>(path: string, options?: RequestOptions) => (await request<T>('GET', path, options)).data;
export const post = async <T>(path: string, json: unknown, options?: RequestOptions) => (await request<T>('POST', path, { ...options, json })).data;
export const patch = async <T>(path: string, json: unknown, options?: RequestOptions) => (await request<T>('PATCH', path, { ...options, json })).data;
export const put = async <T>(path: string, json: unknown, options?: RequestOptions) => (await request<T>('PUT', path, { ...options, json })).data;

/** Fetches a file with the session's token and hands it to the browser as a download. */
export async function download(path: string, filename: string, options: RequestOptions = {}): Promise<void> {
  const response = await send('GET', path, options);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

// ——— the shapes the pages read (DESIGN §5) ———

export interface Place {
  code: string;
  name: string;
}

export interface Labourer {
  id: string;
  name: string;
  phone: string;
  idNumberMasked: string;
  homeCounty: string;
  skills: string[];
  destinations: Place[];
  canTravel: boolean;
  expectedWage: number;
  availableFrom?: string;
  poverty: boolean;
  status: string;
  optedOut: boolean;
  /** Two SMS in a row came back undelivered (号码无法送达). */
  unreachable?: boolean;
  channel: string;
  createdAt: string;
  /** On the follow-up watch list since. */
  watchSince?: string;
  /** Registered at the office by this staff member. */
  registeredBy?: string;
  /** Short code to read out on the phone. */
  registrationCode?: string;
  /** Where they board a bus. */
  pickup?: { code?: string; name: string };
  povertySource?: 'self' | 'import' | 'coordinator';
}

/** GET /audit: a staff write. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface Registration {
  id: string;
  status: string;
  homeCounty: string;
  /** Only in a coordinator's (assisted) registration: the public form is never told. */
  poverty?: boolean;
}

/** POST /labourers/verify: a 6-digit code is on its way to the phone. */
export interface VerificationSent {
  expiresInSeconds: number;
}

export type PhoneChangeStatus = 'pending' | 'done' | 'refused';

/** A 换号 request (GET /phone-changes); phones in E.164. */
export interface PhoneChange {
  labourerId: string;
  /** Missing only if the labourer is no longer readable. */
  name?: string;
  idNumberMasked?: string;
  oldPhone: string;
  newPhone: string;
  status: PhoneChangeStatus;
  requestedAt: string;
  /** When the cooling period completes it, unless someone says no first. */
  completesAt: string;
  decidedBy?: string;
  decidedAt?: string;
}

/** POST /phone-changes/{labourerId}/approve|refuse: an approval ends `refused` if the new phone was taken meanwhile. */
export interface PhoneChangeDecision {
  labourerId: string;
  status: 'done' | 'refused';
}

export interface Vacancy {
  id: string;
  kind: 'job' | 'post';
  title: string;
  skills: string[];
  county: string;
  openings: number;
  filled: number;
  offered: number;
  remaining: number;
  monthlyWage: number;
  startDate: string;
  status: string;
  employerId?: string;
  employerKind?: string;
  months?: number;
  endDate?: string;
  poorShareMin?: number;
}

export interface Offer {
  id: string;
  labourerId: string;
  vacancyId: string;
  vacancyKind?: string;
  vacancyCounty?: string;
  /** Not in the offer view yet; shown when the API adds it (a job in another county is not readable here). */
  vacancyTitle?: string;
  status: string;
  fit: number;
  reasons: string[];
  createdAt: string;
  respondBy: string;
  answeredAt?: string;
}

export interface MatchingRun {
  runId: string;
  offers: number;
  unmatched: number;
  objective: number;
  poorPlaced: number;
  skipped: number;
  /** Unmatched labourers by the first reason that held. */
  byReason?: Record<string, number>;
}

/** POST /matching/runs's 202: a big county is matched in the background. */
export interface MatchingRunStarted {
  runId: string;
  jobId: string;
  state: 'running';
}

/** POST /trips/book (200, or a bulkBooking job's result). */
export interface BulkBooking {
  booked: number;
  seats: number;
  failed: { tripId: string; reason: string }[];
}

/** GET /matching/runs/{id}. */
export interface MatchingRunRecord {
  runId: string;
  county: string;
  state: 'running' | 'done' | 'failed';
  offers: number;
  unmatched: number;
  startedAt: string;
  finishedAt?: string;
  byReason: Record<string, number>;
}

export interface UnmatchedEntry {
  labourerId: string;
  reason: string;
}

export interface NationalRunStarted {
  runId: string;
  state: 'running';
  counties: number;
}

export interface NationalRun {
  runId: string;
  state: 'running' | 'succeeded' | 'failed';
  createdAt?: string;
  counties?: number;
  summarised: number;
  matched: number;
  summary?: { counties: number; succeeded: number; failed: string[]; offers: number; unmatched: number; poorPlaced: number; skipped: number; quotaPlaces: number };
}

export interface PovertyImport {
  matched: number;
  unmatched: number;
  /** Rows of another county's residents, skipped. */
  notResident?: number;
  errors?: { row: number; message: string }[];
}

/** GET /jobs/{id}: a long job run in the background (a large poverty list, a big county's matching, many bookings). */
export interface BackgroundJob<R = unknown> {
  jobId: string;
  kind: 'povertyImport' | 'matchingRun' | 'bulkBooking';
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result?: R;
  /** In Chinese, when it failed. */
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

/** POST /labourers/poverty-import's 202: the list runs in the background. */
export interface JobStarted {
  jobId: string;
  state: 'running';
  total: number;
}

export interface SmsLogEntry {
  id: string;
  to: string;
  body: string;
  segments: number;
  template: string;
  status: string;
  createdAt: string;
  sentAt?: string;
  failureReason?: string;
  /** Held until then (quiet hours, a scheduled broadcast). */
  notBefore?: string;
}

/** POST /broadcasts (201, or 202 with the job writing a big one). */
export interface BroadcastSent {
  id: string;
  recipients: number;
  optedOut: number;
  unreachable: number;
  segments: number;
  state: string;
  sendAt?: string;
  jobId?: string;
}

/** GET /broadcasts. */
export interface BroadcastView {
  id: string;
  text: string;
  segment: Record<string, unknown>;
  segments: number;
  sendAt?: string;
  createdAt: string;
  state: string;
  recipients: number;
  optedOut: number;
  unreachable: number;
}

export interface SimulatedReply {
  messageId: string;
  replies: { to: string; body: string }[];
}

export interface Trip {
  id: string;
  county?: string;
  destination: string;
  destinationName?: string;
  date: string;
  departureTime?: string;
  pickupPoint?: string;
  passengers: string[];
  /** Seats on the bus, and how many are booked. */
  seats?: number;
  seatsTaken?: number;
  status?: string;
  vehiclePlate?: string;
  escort?: string;
  /** The vehicle type's own seats (`seats` = floor(vehicleSeats × loadFactor)). */
  vehicleSeats?: number;
  arrivalDate?: string;
  /** Pickups in route order, then drops, each with its time where known. */
  stops?: { kind: 'pickup' | 'drop'; code?: string; name: string; time?: string }[];
  /** Where each passenger boards and leaves (a stop's code, else its name). */
  riders?: { labourerId: string; pickup: string; drop: string }[];
}

/** A county's pickup point (GET/PUT /counties/{code}/pickup-points); the first is the default station. */
export interface PickupPoint {
  code?: string;
  name: string;
}

export interface TripPlan {
  planId?: string;
  trips: Trip[];
  buses: number;
  vehicles?: number;
  /** Σ vehicle cost (the fleet's relative costs); `lowerBound` and `gap` are in the same unit. */
  cost?: number;
  lowerBound: number;
  gap?: number;
  unplanned: { labourerId: string; reason?: string }[];
}

export interface Booking {
  booked: number;
  seats: { seatNo: number; labourerId: string }[];
  skipped?: string[];
}
