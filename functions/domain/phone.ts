// Mainland China (+86) mobile numbers. Labourers are reached by SMS only, so only mobiles are accepted.
//
// libphonenumber-js with its "mobile" metadata: it validates numbers against the real mobile number
// ranges (so a fixed line, a 400 number or a mistyped mobile is rejected) and is ~60 KB smaller
// minified than the "max" metadata. With this metadata `isValid()` means "is a valid mobile number".
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/mobile';

export type MobileFailure = 'format' | 'not-mobile' | 'not-mainland';

export type MobileResult =
  | { readonly ok: true; readonly e164: string }
  | { readonly ok: false; readonly reason: MobileFailure };

const MAINLAND_CALLING_CODE = '86';
/** Longer than any phone number written with separators; keeps the parser's work bounded. */
const MAX_INPUT_LENGTH = 40;
/** Digits, separators and one leading `+`; letters (vanity numbers, text) are not phone numbers here. */
const PHONE_CHARS = /^\+?[\d\s\-().]+$/;

/** Full-width ASCII forms (`１`, `＋`, `－`, `（`) to ASCII; ideographic space to space. */
function foldWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * Normalises a mainland China mobile number to E.164 (`+8613800138000`).
 *
 * Accepts `13800138000`, `138 0013 8000`, `+86 138-0013-8000`, `008613800138000`,
 * `86 13800138000` and full-width digits. Fails with
 * - `not-mainland` for numbers of another country or region (`+1 …`, `+852 …`),
 * - `not-mobile` for mainland numbers that are not mobiles (`010-12345678`, `400 …`),
 * - `format` for anything else, including a mobile with a digit too many or too few.
 */
export function normalizeMainlandMobile(input: string): MobileResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const text = foldWidth(input).trim();
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH || !PHONE_CHARS.test(text)) {
    return { ok: false, reason: 'format' };
  }
  let parsed: PhoneNumber | undefined;
  try {
    parsed = parsePhoneNumberFromString(text, { defaultCountry: 'CN', extract: false });
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (parsed === undefined) return { ok: false, reason: 'format' };
  if (parsed.countryCallingCode !== MAINLAND_CALLING_CODE) return { ok: false, reason: 'not-mainland' };
  if (parsed.ext !== undefined) return { ok: false, reason: 'format' };
  if (parsed.isValid() && parsed.getType() === 'MOBILE') return { ok: true, e164: parsed.number };
  const national = parsed.nationalNumber;
  // Starts like a mobile (1[3-9]…) but is not one: a digit too many or too few, or an unused range.
  if (/^1[3-9]/.test(national) || !parsed.isPossible()) return { ok: false, reason: 'format' };
  return { ok: false, reason: 'not-mobile' };
}

/**
 * Masks a phone number for display and logs: `+8613800138000` → `+86138****8000`. Other numbers keep
 * a leading `+` and their last 4 digits only; anything of 4 characters or fewer is masked completely.
 */
export function maskPhone(e164: string): string {
  if (typeof e164 !== 'string') return '';
  const mainland = /^\+86(1\d{2})\d{4}(\d{4})$/.exec(e164);
  if (mainland) return `+86${mainland[1]}****${mainland[2]}`;
  if (e164.length <= 4) return '*'.repeat(e164.length);
  const plus = e164.startsWith('+') ? '+' : '';
  return plus + '*'.repeat(e164.length - plus.length - 4) + e164.slice(-4);
}
