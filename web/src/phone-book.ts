// Phones this browser has used (registered on `/`, or typed into the simulator), for the simulator's
// picker, and each phone's simulated SMS thread. Kept in localStorage: a demo convenience, not data.

export interface KnownPhone {
  /** 11-digit mainland mobile number. */
  phone: string;
  name?: string;
  at: string;
}

export interface ThreadEntry {
  /** `out`: the phone sent it; `in`: the phone received it. */
  dir: 'in' | 'out';
  body: string;
  at: string;
  /** The SMS log id of a received message, once known (dedupes the log against /sim/sms replies). */
  id?: string;
  segments?: number;
  status?: string;
  pending?: boolean;
}

const BOOK = 'chunfeng.phones';
const THREAD = (phone: string) => `chunfeng.thread.${phone}`;
const MAX_PHONES = 12;
const MAX_THREAD = 200;

/** `138 0013 8000`, `+86 13800138000`, `8613800138000` → `13800138000`; undefined if not 11 digits from 1. */
export function nationalNumber(input: string): string | undefined {
  const digits = input.replace(/[^\d]/g, '').replace(/^0*86(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? digits : undefined;
}

export function formatPhone(phone: string): string {
  const n = nationalNumber(phone);
  return n ? `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}` : phone;
}

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function knownPhones(): KnownPhone[] {
  return read<KnownPhone[]>(BOOK, []);
}

export function rememberPhone(input: string, name?: string): void {
  const phone = nationalNumber(input);
  if (!phone) return;
  const previous = knownPhones().find((p) => p.phone === phone);
  const entry: KnownPhone = { phone, name: name ?? previous?.name, at: new Date().toISOString() };
  const rest = knownPhones().filter((p) => p.phone !== phone);
  localStorage.setItem(BOOK, JSON.stringify([entry, ...rest].slice(0, MAX_PHONES)));
}

export function loadThread(phone: string): ThreadEntry[] {
  return read<ThreadEntry[]>(THREAD(phone), []).filter((e) => !e.pending);
}

export function saveThread(phone: string, thread: readonly ThreadEntry[]): void {
  localStorage.setItem(THREAD(phone), JSON.stringify(thread.filter((e) => !e.pending).slice(-MAX_THREAD)));
}

export function clearThread(phone: string): void {
  localStorage.removeItem(THREAD(phone));
}
