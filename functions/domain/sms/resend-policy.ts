// Which failed SMS are still worth sending again (POST /messages/resend): a re-send days later must not
// tell a labourer something that has moved on — an offer already answered, a bus that left or changed,
// a code long expired, a welcome after the offers came.
import type { TemplateName } from './templates.js';

/** A failed SMS older than this is not re-sent. */
export const RESEND_MAX_AGE_DAYS = 7;

/** Replies that lose their point within minutes or hours. */
const SHORT_LIVED = new Set<string>(['verificationCode', 'repliesPaused', 'askFor', 'boardingWrongCode'] satisfies TemplateName[]);
/** About a seat on a bus: useful while the person has a seat on a bus yet to leave. */
const BUS_NOTICES = new Set<string>(['tripBooked', 'tripReminder', 'tripChanged', 'seatMoved'] satisfies TemplateName[]);
const WELCOMES = new Set<string>(['registered', 'registeredDailyWage'] satisfies TemplateName[]);

export interface FailedSms {
  messageId: string;
  template: string;
  createdAt: string;
}

/** What is true of the phone's labourer now, and what else the phone was sent. */
export interface PhoneNow {
  now: Date;
  labourerStatus: string;
  /** The offer SMS (message ids) whose offer is still `offered`. */
  openOfferSms: ReadonlySet<string>;
  hasOpenOffer: boolean;
  /** A seat on a bus that is booked and has not left. */
  hasBusAhead: boolean;
  /** Every message to the phone (any status), for "a later one of the same kind". */
  log: readonly { messageId: string; template: string; createdAt: string }[];
}

/** `true` when the failed message still says something true and timely. */
export function stillWorthResending(message: FailedSms, phone: PhoneNow): boolean {
  if (phone.now.getTime() - Date.parse(message.createdAt) > RESEND_MAX_AGE_DAYS * 86_400_000) return false;
  if (SHORT_LIVED.has(message.template)) return false;
  if (WELCOMES.has(message.template) && phone.labourerStatus !== 'registered') return false;
  if (message.template === 'offer' && !phone.openOfferSms.has(message.messageId)) return false;
  if (message.template === 'offerExtended' && !phone.hasOpenOffer) return false;
  if (BUS_NOTICES.has(message.template) && !phone.hasBusAhead) return false;
  // At most the latest of a kind (for bus notices: the latest notice of any kind) is re-sent.
  const sameKind = (template: string) => template === message.template || (BUS_NOTICES.has(message.template) && BUS_NOTICES.has(template));
  return !phone.log.some((m) => m.messageId !== message.messageId && sameKind(m.template) && later(m, message));
}

function later(a: { createdAt: string; messageId: string }, b: { createdAt: string; messageId: string }): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.messageId > b.messageId);
}
