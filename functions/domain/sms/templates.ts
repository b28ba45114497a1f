// Every outbound SMS, in one place: Chinese, signed 【春风行动】, each rendered with its segment count.
import { countSegments } from './segments.js';

export const SIGNATURE = '【春风行动】';

/** Free text (titles, names) shortened so a notice keeps to one segment. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A pickup point's name is kept whole up to this many characters (a notice then takes two segments). */
const PICKUP_MAX = 24;
/** A pickup point of up to this many characters keeps a bus notice within one segment. */
export const PICKUP_WHOLE = 12;

/** A city's name, its 市 dropped first, then clipped (湖州市 → 湖州). */
function shortPlace(name: string, max: number): string {
  const bare = name.length > 2 && name.endsWith('市') ? name.slice(0, -1) : name;
  return clip(bare, max);
}

/**
 * One template: its text as registered with a provider that only sends approved templates (China),
 * `${var}` marking each variable, and the values a call fills in (shortened where the text needs it).
 */
interface Template<P> {
  text: string;
  vars: (params: P) => Record<string, string>;
}
function template(text: string): Template<Record<string, never>>;
function template<P>(text: string, vars: (params: P) => Record<string, string>): Template<P>;
function template<P>(text: string, vars: (params: P) => Record<string, string> = () => ({})): Template<P> {
  return { text, vars };
}

/* eslint-disable no-template-curly-in-string -- `${var}` is the providers' variable syntax, not JS. */
/** Template name → text and variables. Keep the common notices within one 70-character UCS-2 segment. */
const TEMPLATES = {
  // The registration code is what a labourer reads out when they call the county office.
  registered: template('${name}您好，春风行动报名成功，报名码${code}。有合适岗位会短信通知您。查询回CX，退订回TD。', (p: { name: string; code: string }) => ({
    name: p.name,
    code: p.code,
  })),
  // A day's pay is kept as given and matched as a month of 26 working days: the labourer is told so.
  registeredDailyWage: template(
    '${name}您好，报名成功，报名码${code}。日薪${daily}元按26天折月薪${monthly}元。查询回CX',
    (p: { name: string; code: string; daily: number; monthly: number }) => ({ name: p.name, code: p.code, daily: String(p.daily), monthly: String(p.monthly) }),
  ),
  optedOut: template('您已退订春风行动短信，今后不再发送。需要时回复"订阅"恢复。'),
  // The carrier-side opt-out list (AWS) lifts a number only once in 30 days.
  optInLimited: template('已恢复订阅。但运营商退订名单30天内只能解除一次，暂时可能收不到短信，30天后可再回"订阅"。'),
  optedIn: template('已恢复接收春风行动短信。有合适岗位会短信通知您。'),
  help: template('报名请回复：报名 姓名 身份证号 工种 去向 月薪，如：报名 王立学 身份证号 瓦工 湖州 4500。查询回CX'),
  askFor: template('已收到报名信息，还缺${missing}，请直接回复。24小时内有效。', (p: { missing: string }) => ({ missing: p.missing })),
  invalidIdNumber: template('身份证号${problem}，请核对后重新发送18位身份证号。', (p: { problem: string }) => ({ problem: p.problem })),
  registrationProblem: template('报名未成功：${problem}。请改正后重发。', (p: { problem: string }) => ({ problem: p.problem })),
  alreadyRegistered: template('${name}，您已报名，无需重复。查询进度回CX；换了手机号请用新号回：换号 身份证号。', (p: { name: string }) => ({ name: p.name })),
  idTaken: template('该身份证号已用另一个手机号报名。如已换号，请用本号码回复：换号 身份证号。'),
  notRegistered: template('您还没有报名。请回复：报名 姓名 身份证号 工种 去向 月薪。'),
  noOpenOffer: template('您目前没有待答复的岗位通知。有合适岗位会短信告诉您。'),
  status: template('${name}：已报名（${county}），${state}。', (p: { name: string; county: string; state: string }) => ({ ...p })),
  statusTrip: template(
    '${name}：已安排专车，${date}${time}在${pickup}上车，${seat}号座。带身份证提前半小时到。',
    (p: { name: string; date: string; time: string; pickup: string; seat: number }) => ({
      name: clip(p.name, 6),
      date: p.date,
      time: p.time,
      pickup: clip(p.pickup, 12),
      seat: String(p.seat),
    }),
  ),
  changePhoneNeedsId: template('换号请用新手机号回复：换号 身份证号（18位）。'),
  // The requesting phone learns nothing of the registration, not even whether the ID number has one.
  changePhoneRequested: template(
    '换号申请已收到。如该身份证号已报名，原号码会收到确认短信，原号码回1即完成，${hours}小时内未拒绝也会自动完成。',
    (p: { hours: number }) => ({ hours: String(p.hours) }),
  ),
  changePhoneConfirm: template(
    '有人申请把您的春风行动报名转到尾号${last4}的号码。本人申请回1同意，不是本人回0拒绝；${hours}小时内不回复将自动转移。',
    (p: { last4: string; hours: number }) => ({ last4: p.last4, hours: String(p.hours) }),
  ),
  changePhoneSame: template('本号码就是您报名用的号码，无需换号。'),
  newPhoneTaken: template('本号码已有人报名，不能换入。如有疑问请联系县人社局。'),
  phoneChanged: template('换号已完成，您的报名已转到本号码，以后短信都发到这里。查询回CX。'),
  changePhoneRefused: template('换号申请未通过。如确需换号，请带身份证到县人社局办理。'),
  changePhoneKept: template('已拒绝换号，您的报名仍在本号码。如非本人申请，请注意保护身份证信息。'),
  noPendingPhoneChange: template('换号申请已经处理过了，您的报名以最后收到的短信为准。查询回CX。'),
  forgetBlocked: template('您的报名有换号申请待处理，暂不能删除。不是本人申请请回0拒绝；如有疑问请联系县人社局。'),
  offer: template(
    '${name}您好：${place}${title}，月薪${wage}元，${start}上岗。回1接受，回2拒绝，${hours}小时内有效。',
    (p: { name: string; place: string; title: string; wage: number; start: string; hours: number }) => ({
      name: clip(p.name, 7),
      place: clip(p.place, 6),
      title: clip(p.title, 10),
      wage: String(p.wage),
      start: p.start,
      hours: String(p.hours),
    }),
  ),
  offerAccepted: template('已确认您接受"${title}"。出行和上岗安排会短信通知您。', (p: { title: string }) => ({ title: clip(p.title, 12) })),
  offerDeclined: template('已收到，您拒绝了这个岗位。有其他合适岗位会再通知您。'),
  offerExpired: template('"${title}"的岗位通知已过期，名额已让出。有新岗位会再通知您。', (p: { title: string }) => ({ title: clip(p.title, 12) })),
  offerWithdrawn: template('"${title}"的岗位通知已由县人社局撤回，无需答复。有其他合适岗位会再通知您。', (p: { title: string }) => ({ title: clip(p.title, 12) })),
  offerExtended: template('"${title}"的答复期限已延长到${deadline}。回1接受，回2拒绝。', (p: { title: string; deadline: string }) => ({
    title: clip(p.title, 12),
    deadline: p.deadline,
  })),
  // `plate` is the optional "，<plate>" as a whole, so one approved text serves buses with and without a plate.
  // Where to board is what the labourer needs (issue #17): the pickup is never cut (up to PICKUP_WHOLE
  // characters fits one segment; a longer one goes whole in two); the name and the city are shortened
  // instead, and "bring your ID, come half an hour early" is left to the day-before reminder.
  tripBooked: template(
    '${name}：专车${date}${time}在${pickup}上车，开往${destination}，${seat}号座${plate}${code}。',
    (p: { name: string; date: string; time: string; pickup: string; destination: string; seat: number; plate?: string; code?: string }) => ({
      name: clip(p.name, 4),
      date: p.date,
      time: p.time,
      pickup: clip(p.pickup, PICKUP_MAX),
      destination: shortPlace(p.destination, 4),
      seat: String(p.seat),
      plate: p.plate ? `，${p.plate}` : '',
      // The boarding code: texted back as 上车 <code> at the bus (issue #18).
      code: p.code ? `，上车码${p.code}` : '',
    }),
  ),
  tripReminder: template(
    '${name}：明天${time}在${pickup}乘春风专车，${seat}号座。请带身份证、口罩，提前半小时到。',
    (p: { name: string; time: string; pickup: string; seat: number }) => ({
      name: clip(p.name, 6),
      time: p.time,
      pickup: clip(p.pickup, 10),
      seat: String(p.seat),
    }),
  ),
  // A booked bus changed (date, time, vehicle, plate): `changes` lists only what changed, e.g.
  // "改为3月6日8:00发车，换35座车，车牌川H12345" (domain/trip-changes.ts).
  tripChanged: template('${name}：您的专车${changes}，${seat}号座。带身份证提前半小时到。', (p: { name: string; changes: string; seat: number }) => ({
    // The change itself (day, time, vehicle, plate) is never cut; a long one goes in two segments.
    name: clip(p.name, 4),
    changes: clip(p.changes, 60),
    seat: String(p.seat),
  })),
  // A seated passenger moved to another bus: its date, time, the passenger's pickup stop and the new seat.
  seatMoved: template(
    '${name}：您改乘${date}${time}${pickup}上车的专车，${seat}号座${plate}。带身份证提前半小时到。',
    (p: { name: string; date: string; time: string; pickup: string; seat: number; plate?: string }) => ({
      name: clip(p.name, 4),
      date: p.date,
      time: p.time,
      pickup: clip(p.pickup, PICKUP_MAX),
      seat: String(p.seat),
      plate: p.plate ? `，${p.plate}` : '',
    }),
  ),
  seatCancelled: template(
    '${name}：您${date}去${destination}的专车座位已取消，新的出行安排会再通知您。',
    (p: { name: string; date: string; destination: string }) => ({ name: clip(p.name, 7), date: p.date, destination: clip(p.destination, 6) }),
  ),
  // After the bus (issue #18): boarding, departure, arrival, 上岗 and the 30/60/90-day check-ins.
  boarded: template('已签到上车，${seat}号座。祝一路平安！', (p: { seat: number }) => ({ seat: String(p.seat) })),
  boardedAlready: template('您已签到上车，无需重复发送。'),
  boardingWrongCode: template('上车码不对。请回复"上车"加专车短信里的4位上车码，如：上车 1234；或请带队人员签到。'),
  boardingNoSeat: template('您现在没有待上车的专车座位。如有疑问请联系带队人员或县人社局。'),
  tripMissed: template('${name}：您没有赶上${date}的专车，座位已让出。新的出行安排会再通知您。', (p: { name: string; date: string }) => ({
    name: clip(p.name, 7),
    date: p.date,
  })),
  tripDeparted: template('${name}：专车已发车去${destination}。途中有事请找带队${escort}。', (p: { name: string; destination: string; escort: string }) => ({
    name: clip(p.name, 7),
    destination: clip(p.destination, 8),
    escort: clip(p.escort, 16),
  })),
  tripArrived: template('${name}：专车已到${destination}，请按用工单位安排报到上岗。', (p: { name: string; destination: string }) => ({
    name: clip(p.name, 7),
    destination: clip(p.destination, 8),
  })),
  placedConfirmed: template('用工单位已确认您在"${title}"上岗，祝工作顺利！30天后会短信回访。', (p: { title: string }) => ({ title: clip(p.title, 12) })),
  placeAsk: template('${name}：已到"${title}"上岗了吗？回1是，回2否。', (p: { name: string; title: string }) => ({ name: clip(p.name, 7), title: clip(p.title, 14) })),
  placedByLabourer: template('已记录您已上岗，祝工作顺利！30天后会短信回访。'),
  notPlaced: template('已记录您没有上岗。县人社局会为您重新安排合适岗位。'),
  checkIn: template('${name}：还在"${title}"工作吗？回1在岗，2已离职，3想换工作。', (p: { name: string; title: string }) => ({
    name: clip(p.name, 7),
    title: clip(p.title, 14),
  })),
  checkInStay: template('已记录您仍在岗，祝工作顺利！有困难请联系县人社局。'),
  checkInLeft: template('已记录。您已重新进入待安排名单，有合适岗位会短信通知您。'),
  forgetAsk: template('删除后，您的姓名、手机号和身份证信息将被清除，报名和岗位通知也会停止。确认请回复：确认删除'),
  forgotten: template('您的个人信息已删除，春风行动不再给您发短信。需要时可以重新报名。'),
  phoneMovedAway: template('您的春风行动报名已转到尾号${last4}的新号码。如非本人操作，请联系县人社局。', (p: { last4: string }) => ({ last4: p.last4 })),
  repliesPaused: template('短信过于频繁，自动回复暂停1小时。'),
  verificationCode: template('验证码${code}，10分钟内有效，仅用于春风行动报名，请勿告诉他人。', (p: { code: string }) => ({ code: p.code })),
  // A coordinator's broadcast (群发): their own words, checked and signed (services/broadcasts.ts). A provider
  // that sends approved templates only needs one approved for it (a free-text variable may not be).
  broadcast: template('${text}', (p: { text: string }) => ({ text: p.text })),
} satisfies Record<string, Template<never>>;
/* eslint-enable no-template-curly-in-string */

/**
 * What an opted-out number still gets: the confirmation that it opted out, a code it asked for, and the
 * question whether its registration may move to another phone (and the answer to its own 0) — a
 * takeover must not go unasked. A notice (the move done) is a notice like any other: an opted-out
 * number does not get it.
 */
export const REACHES_OPTED_OUT: ReadonlySet<string> = new Set<TemplateName>([
  'optedOut',
  'verificationCode',
  'changePhoneConfirm',
  'changePhoneKept',
]);

/**
 * What is sent even past a county's daily SMS budget (services/sms-budget.ts): a code someone is waiting
 * for, bus notices and their changes (a labourer must not miss or wait for nothing at a departure), and
 * the old phone's warning that a registration is moving away (an attacker who drains the budget must
 * not silence it). Replies to a labourer's own SMS are not urgent: anyone can send SMS to provoke them
 * (pumping), and a labourer can ask again tomorrow.
 */
/** A passenger's bus notices: urgent around the bus's day (quiet hours hold none of them then; the budget never suppresses them). */
export const BUS_NOTICES = ['tripBooked', 'tripReminder', 'seatCancelled', 'tripChanged', 'seatMoved', 'tripDeparted', 'tripMissed', 'tripArrived'] as const satisfies readonly TemplateName[];

export const URGENT_TEMPLATES: ReadonlySet<string> = new Set<TemplateName>(['verificationCode', 'changePhoneConfirm', 'phoneMovedAway', ...BUS_NOTICES]);

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
export type TemplateParams<T extends TemplateName> = Parameters<(typeof TEMPLATES)[T]['vars']>[0];

export interface RenderedSms {
  template: TemplateName;
  body: string;
  segments: number;
  /** The variables as filled in: a provider that sends approved templates gets these, not the body. */
  vars: Record<string, string>;
}

const VARIABLE = /\$\{(\w+)\}/g;

/** Each template's text as submitted for approval (without the signature, which is registered apart). */
export function templateText(template: TemplateName): string {
  return TEMPLATES[template].text;
}

/** The variable names a template's text uses, in order. */
export function templateVariables(template: TemplateName): string[] {
  return [...TEMPLATES[template].text.matchAll(VARIABLE)].map((m) => m[1]!);
}

export function renderSms<T extends TemplateName>(template: T, params: TemplateParams<T>): RenderedSms {
  const vars = (TEMPLATES[template].vars as (p: TemplateParams<T>) => Record<string, string>)(params);
  const body = SIGNATURE + TEMPLATES[template].text.replace(VARIABLE, (_, name: string) => vars[name] ?? '');
  return { template, body, segments: countSegments(body).segments, vars };
}
