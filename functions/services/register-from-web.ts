// POST /labourers: the web form (a public caller shows the SMS code sent to the phone), or a coordinator
// registering a resident of their county at the office (assisted: no code, `registeredBy` kept).
import { ConflictError, ForbiddenError } from '#domain/errors.js';
import { writeTransaction } from '#store/transact.js';
import type { Deps } from './deps.js';
import { prepareRegistration, registrationConflict, type RegistrationRequest, type RegistrationResult } from './register-labourer.js';
import { checkVerificationCode, spendVerificationCode } from './verify-phone.js';

export type WebRegistrant =
  | { by: 'public'; verificationCode?: string }
  /** `county`: a coordinator registers only their county's residents; admin (no county) anyone. */
  | { by: 'staff'; registeredBy: string; county?: string };

/** What a public caller is told: never whether it was the ID number or the phone, nor the poverty flag. */
export type PublicRegistrationResult = Omit<RegistrationResult, 'poverty'>;

const TAKEN = new ConflictError('已经报名过了：这个身份证号或手机号已有报名。查询进度请用报名的手机发短信 CX；换了手机号请用新手机发短信：换号 身份证号。');

export async function registerFromWeb(
  deps: Deps,
  req: Omit<RegistrationRequest, 'channel' | 'registeredBy'>,
  who: WebRegistrant,
): Promise<RegistrationResult | PublicRegistrationResult> {
  const prepared = await prepareRegistration(deps, { ...req, channel: 'web', ...(who.by === 'staff' ? { registeredBy: who.registeredBy } : {}) });
  if (who.by === 'staff') {
    if (who.county && prepared.result.homeCounty !== who.county) throw new ForbiddenError('只能为本县户籍的劳动者代为报名');
    const outcome = await writeTransaction(deps.db, prepared.parts);
    if (outcome.ok) return prepared.result;
    throw registrationConflict(outcome.failed) ?? new Error(`Registration refused: ${[...outcome.failed].join(',')}`);
  }

  await checkVerificationCode(deps, prepared.phone, who.verificationCode);
  const outcome = await writeTransaction(deps.db, prepared.parts);
  if (outcome.ok) {
    const { poverty: _hidden, ...result } = prepared.result;
    return result;
  }
  await spendVerificationCode(deps, prepared.phone);
  throw TAKEN;
}
