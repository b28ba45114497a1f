// Registration, shared by the web form and SMS: validate with the domain rules, then write the labourer,
// its two uniqueness guards and the welcome SMS in one transaction (4 items, 8 write units); an assisted
// registration adds its audit entry to the same transaction.
import { countyByCode, placeByCode, homeCountyFromIdRegion, type HomeCounty } from '#domain/divisions.js';
import { ConflictError, ValidationError, type FieldIssue } from '#domain/errors.js';
import { idRegionNamesHome, parseIdNumber } from '#domain/id-number.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import type { Skill } from '#domain/skills.js';
import { registrationCodeFromId } from '#domain/registration-code.js';
import { renderSms } from '#domain/sms/templates.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import { auditPart, labourerTarget } from './audit.js';
import { idGuardCreate, phoneGuardCreate } from './guard-parts.js';
import { hashIdNumber, type HashedIdNumber } from './hashed-id-number.js';
import { outboxPart } from './outbox.js';
import type { Deps } from './deps.js';

export interface RegistrationRequest {
  name: string;
  /** As typed; or already checked and hashed (an SMS draft never keeps the number itself). */
  idNumber: string | HashedIdNumber;
  phone: string;
  skills: Skill[];
  /** 2-, 4- or 6-digit GB/T 2260 codes. */
  destinations: string[];
  expectedWage: number;
  availableFrom?: string;
  canTravel: boolean;
  channel: 'web' | 'sms';
  /** 贫困户 / 建档立卡 said by the labourer; the coordinator's import confirms it separately. */
  povertySelfDeclared?: boolean;
  /** A coordinator who registered the labourer at the office (assisted registration). */
  registeredBy?: string;
  /** Where they board a bus (出发地点 / 上车点 in an SMS): a county's code when known, and its name. */
  pickup?: { code?: string; name: string };
  /**
   * The county the labourer says they live in (现住 …). Only used when the ID number does not tell: a
   * HK/Macau/Taiwan residence permit or a foreign permanent-residence number; failing that, the county of
   * the coordinator who registers them; failing both, registration asks for it.
   */
  statedHomeCounty?: string;
  /** A day's pay as the labourer gave it (SMS 日薪300); `expectedWage` is then its month, and the welcome SMS says so. */
  dailyWage?: number;
}

export interface RegistrationResult {
  id: string;
  status: 'registered';
  homeCounty: string;
  poverty: boolean;
  /** Short code the labourer reads out on the phone (also in the welcome SMS). */
  registrationCode: string;
}

/** What is wrong with an ID number, in the words every staff form and list uses. */
export const ID_REASONS = {
  format: '身份证号码应为 18 位（最后一位可以是 X）',
  checksum: '身份证号码校验位不对，请核对',
  'birth-date': '身份证号码中的出生日期无效',
  region: '身份证号码的地区码无效',
  'first-generation': '这是15位的第一代身份证号码，请填写18位的第二代身份证号码',
} as const;

export const PHONE_REASONS = {
  format: '手机号码格式不对',
  'not-mobile': '请填写手机号码（不是座机）',
  'not-mainland': '目前只支持中国大陆手机号码',
} as const;

/** A validated registration, ready to be written (alone, or inside a larger transaction). */
export interface PreparedRegistration {
  result: RegistrationResult;
  phone: string;
  parts: TxPart[];
}

/** Validates with the domain rules and builds the registration's transaction parts. */
export async function prepareRegistration(deps: Deps, req: RegistrationRequest, causedBy?: string): Promise<PreparedRegistration> {
  const now = deps.clock.now();
  const issues: FieldIssue[] = [];

  const parsed = typeof req.idNumber === 'string' ? parseIdNumber(req.idNumber, now) : ({ ok: true, value: req.idNumber } as const);
  if (!parsed.ok) issues.push({ path: 'idNumber', message: ID_REASONS[parsed.reason] });
  const home = parsed.ok ? homeCountyOf(parsed.value.regionCode, req) : undefined;
  if (parsed.ok && !home) {
    issues.push(idRegionNamesHome(parsed.value.regionCode) ? { path: 'idNumber', message: ID_REASONS.region } : { path: 'homeCounty', message: HOME_COUNTY_NEEDED });
  }
  const phone = normalizeMainlandMobile(req.phone);
  if (!phone.ok) issues.push({ path: 'phone', message: PHONE_REASONS[phone.reason] });
  const destinations = destinationPlaces(req.destinations, issues);
  if (!parsed.ok || !home || !phone.ok || issues.length > 0) throw new ValidationError('报名信息有误', issues);

  const { idHash, masked } = 'idHash' in parsed.value ? parsed.value : await hashIdNumber(deps, parsed.value);
  // A coordinator's poverty list may have named this ID number before the labourer registered; only the
  // home county's list counts (a mark left by another county is ignored).
  const { data: found } = await deps.db.entities.povertyMark.get({ idHash }).go();
  const mark = found?.county === home.code ? found : null;
  const poverty = mark !== null || req.povertySelfDeclared === true;
  const { labourerId, registrationCode } = await newLabourerId(deps);
  const createdAt = now.toISOString();

  const parts: TxPart[] = [
    {
      name: 'labourer',
      item: ({ labourer }) =>
        labourer
          .create({
            labourerId,
            name: req.name,
            phone: phone.e164,
            idHash,
            idNumberMasked: masked,
            homeCounty: home.code,
            skills: req.skills,
            destinations,
            canTravel: req.canTravel,
            expectedWage: req.expectedWage,
            availableFrom: req.availableFrom,
            poverty,
            povertySource: mark ? 'import' : poverty ? 'self' : undefined,
            status: 'registered',
            optedOut: false,
            channel: req.channel,
            registeredBy: req.registeredBy,
            pickup: req.pickup,
            registrationCode,
            createdAt,
          })
          .commit(),
    },
    idGuardCreate(idHash, home.code, labourerId),
    phoneGuardCreate(phone.e164, home.code, labourerId),
    outboxPart(deps, { to: phone.e164, sms: welcomeSms(req, registrationCode), county: home.code, causedBy }),
  ];
  if (req.registeredBy) {
    parts.push(
      auditPart(deps, {
        actor: req.registeredBy,
        action: 'labourer.register',
        target: labourerTarget(labourerId),
        county: home.code,
        after: { name: req.name, idNumberMasked: masked, phone: phone.e164, skills: req.skills, poverty, registrationCode },
      }),
    );
  }
  return { result: { id: labourerId, status: 'registered', homeCounty: home.code, poverty, registrationCode }, phone: phone.e164, parts };
}

/**
 * A new labourer id whose registration code no labourer has yet. The code index is read, not guarded (a
 * guard item would cost 2 more write units a registration): a clash now needs the same 39-bit code drawn
 * twice within the index's replication lag (about a second) — at 27 million registrations a season, about
 * once in 5,000 seasons, and a search by that code would then list both.
 */
async function newLabourerId(deps: Pick<Deps, 'db' | 'newId'>): Promise<{ labourerId: string; registrationCode: string }> {
  for (;;) {
    const labourerId = deps.newId();
    const registrationCode = registrationCodeFromId(labourerId);
    const { data } = await deps.db.entities.labourer.query.labourerByCode({ registrationCode }).go({ limit: 1, attributes: ['labourerId'] });
    if (data.length === 0) return { labourerId, registrationCode };
  }
}

function welcomeSms(req: RegistrationRequest, code: string) {
  return req.dailyWage === undefined
    ? renderSms('registered', { name: req.name, code })
    : renderSms('registeredDailyWage', { name: req.name, code, daily: req.dailyWage, monthly: req.expectedWage });
}

const HOME_COUNTY_NEEDED = '港澳台居民居住证或外国人永久居留身份证号码不含户籍县，请写明现住的县（区），如：现住青川县';

/** The home county: from the ID number, or — when the ID does not tell — the county stated or the registering coordinator's. */
function homeCountyOf(regionCode: string, req: RegistrationRequest): HomeCounty | undefined {
  if (idRegionNamesHome(regionCode)) return homeCountyFromIdRegion(regionCode);
  const staff = req.registeredBy?.startsWith('coordinator:') ? req.registeredBy.slice('coordinator:'.length) : undefined;
  for (const code of [req.statedHomeCounty, staff]) {
    const county = code === undefined ? undefined : countyByCode(code);
    if (county) return { code: county.code, name: county.name };
  }
  return undefined;
}

/** Which uniqueness guard refused a registration, as the error a client sees. */
export function registrationConflict(failed: ReadonlySet<string>): ConflictError | undefined {
  const details: FieldIssue[] = [];
  if (failed.has('idGuard')) details.push({ path: 'idNumber', message: '该身份证号码已经报名' });
  if (failed.has('phoneGuard')) details.push({ path: 'phone', message: '该手机号码已经被登记' });
  return details.length > 0 ? new ConflictError('已经报名过了', details) : undefined;
}

export async function registerLabourer(deps: Deps, req: RegistrationRequest): Promise<RegistrationResult> {
  const prepared = await prepareRegistration(deps, req);
  const outcome = await writeTransaction(deps.db, prepared.parts);
  if (!outcome.ok) {
    throw registrationConflict(outcome.failed) ?? new Error(`Registration refused: ${[...outcome.failed].join(',')}`);
  }
  return prepared.result;
}

/** Destination codes → places with their names, once each; an unknown code is an issue on its field. */
export function destinationPlaces(codes: readonly string[], issues: FieldIssue[]): { code: string; name: string }[] {
  const places = codes.map((code, i) => {
    const place = placeByCode(code);
    if (!place) issues.push({ path: `destinations.${i}`, message: `没有这个行政区划代码：${code}` });
    return { code, name: place?.name ?? code };
  });
  return [...new Map(places.map((p) => [p.code, p])).values()];
}
