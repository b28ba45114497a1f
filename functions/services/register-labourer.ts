// Registration, shared by the web form and SMS: validate with the domain rules, then write the labourer,
// its two uniqueness guards and the welcome SMS in one transaction.
import { placeByCode, homeCountyFromIdRegion } from '#domain/divisions.js';
import { ConflictError, ValidationError, type FieldIssue } from '#domain/errors.js';
import { parseIdNumber } from '#domain/id-number.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import type { Skill } from '#domain/skills.js';
import { renderSms } from '#domain/sms/templates.js';
import { transactWithRetry } from '#store/transact.js';
import type { Deps } from './deps.js';

export interface RegistrationRequest {
  name: string;
  idNumber: string;
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
}

export interface RegistrationResult {
  id: string;
  status: 'registered';
  homeCounty: string;
  poverty: boolean;
}

const ID_REASONS = {
  format: '身份证号码应为 18 位（最后一位可以是 X）',
  checksum: '身份证号码校验位不对，请核对',
  'birth-date': '身份证号码中的出生日期无效',
  region: '身份证号码的地区码无效',
} as const;

const PHONE_REASONS = {
  format: '手机号码格式不对',
  'not-mobile': '请填写手机号码（不是座机）',
  'not-mainland': '目前只支持中国大陆手机号码',
} as const;

export async function registerLabourer(deps: Deps, req: RegistrationRequest): Promise<RegistrationResult> {
  const now = deps.clock.now();
  const issues: FieldIssue[] = [];

  const id = parseIdNumber(req.idNumber, now);
  if (!id.ok) issues.push({ path: 'idNumber', message: ID_REASONS[id.reason] });
  const home = id.ok ? homeCountyFromIdRegion(id.value.regionCode) : undefined;
  if (id.ok && !home) issues.push({ path: 'idNumber', message: ID_REASONS.region });
  const phone = normalizeMainlandMobile(req.phone);
  if (!phone.ok) issues.push({ path: 'phone', message: PHONE_REASONS[phone.reason] });
  const destinations = req.destinations.map((code, i) => {
    const place = placeByCode(code);
    if (!place) issues.push({ path: `destinations.${i}`, message: `没有这个行政区划代码：${code}` });
    return { code, name: place?.name ?? code };
  });
  if (!id.ok || !home || !phone.ok || issues.length > 0) throw new ValidationError('报名信息有误', issues);

  const idHash = await deps.hasher.hash(id.value.normalized);
  const labourerId = deps.newId();
  const createdAt = now.toISOString();
  const poverty = req.povertySelfDeclared === true;
  const welcome = renderSms('registered', { name: req.name });

  const result = await transactWithRetry(() =>
    deps.db.transaction
      .write(({ labourer, uniqueGuard, outboxMessage }) => [
        labourer
          .create({
            labourerId,
            name: req.name,
            phone: phone.e164,
            idHash,
            idNumberMasked: id.value.masked,
            homeCounty: home.code,
            skills: req.skills,
            destinations: dedupeByCode(destinations),
            canTravel: req.canTravel,
            expectedWage: req.expectedWage,
            availableFrom: req.availableFrom,
            poverty,
            povertySource: poverty ? 'self' : undefined,
            status: 'registered',
            optedOut: false,
            channel: req.channel,
            createdAt,
          })
          .commit(),
        uniqueGuard.create({ kind: 'idNumber', value: idHash, labourerId }).commit(),
        uniqueGuard.create({ kind: 'phone', value: phone.e164, labourerId }).commit(),
        outboxMessage
          .create({
            messageId: deps.newId(),
            to: phone.e164,
            body: welcome.body,
            segments: welcome.segments,
            template: welcome.template,
            status: 'pending',
            county: home.code,
            createdAt,
          })
          .commit(),
      ])
      .go(),
  );

  if (!result.ok) {
    const [, idGuard, phoneGuard] = result.reasons;
    const details: FieldIssue[] = [];
    if (idGuard?.code === 'ConditionalCheckFailed') details.push({ path: 'idNumber', message: '该身份证号码已经报名' });
    if (phoneGuard?.code === 'ConditionalCheckFailed') details.push({ path: 'phone', message: '该手机号码已经被登记' });
    if (details.length > 0) throw new ConflictError('已经报名过了', details);
    throw new Error(`Registration transaction cancelled: ${result.reasons.map((r) => r.code).join(',')}`);
  }
  return { id: labourerId, status: 'registered', homeCounty: home.code, poverty };
}

function dedupeByCode<T extends { code: string }>(places: T[]): T[] {
  return [...new Map(places.map((p) => [p.code, p])).values()];
}
