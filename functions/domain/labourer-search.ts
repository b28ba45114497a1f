// What a coordinator typed into the search box, read by its shape: an ID number (18 characters with a
// valid checksum), a registration code, phone digits (4 to 11, spaces and dashes ignored), or else the
// start of a name.
import { ValidationError } from './errors.js';
import { parseIdNumber, type ParsedIdNumber } from './id-number.js';
import { parseRegistrationCode } from './registration-code.js';
import { foldWidth } from './sms/fold-width.js';
import { textProblem } from './text-safety.js';

export type LabourerSearch =
  | { kind: 'idNumber'; id: ParsedIdNumber }
  | { kind: 'code'; code: string }
  /** A whole mainland mobile number: exact. */
  | { kind: 'phone'; e164: string }
  /** 4–10 digits: numbers that start or end with them. */
  | { kind: 'phoneDigits'; digits: string }
  | { kind: 'name'; prefix: string };

export const MIN_PHONE_DIGITS = 4;
const NAME_MAX = 20;

function refuse(message: string): never {
  throw new ValidationError('查询条件有误', [{ path: 'q', message }]);
}

export function readLabourerSearch(input: string, today: Date): LabourerSearch {
  const q = foldWidth(input).trim();
  if (q === '') refuse('请输入姓名、手机号、身份证号或报名码');
  const compact = q.replace(/[\s-]/g, '');
  if (/^\d{17}[\dXx]$/.test(compact)) {
    const id = parseIdNumber(compact, today);
    if (!id.ok) refuse('身份证号码不对，请核对（按身份证号查找需要完整的 18 位）');
    return { kind: 'idNumber', id: id.value };
  }
  const code = parseRegistrationCode(compact);
  if (code) return { kind: 'code', code };
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.replace(/^\+?86(?=1\d{10}$)/, '').replace(/^\+/, '');
    if (digits.length < MIN_PHONE_DIGITS) refuse(`按手机号查找请至少输入 ${MIN_PHONE_DIGITS} 位数字`);
    if (digits.length === 11 && digits.startsWith('1')) return { kind: 'phone', e164: `+86${digits}` };
    if (digits.length > 11) refuse('手机号码最多 11 位');
    return { kind: 'phoneDigits', digits };
  }
  const problem = textProblem(q);
  if (problem) refuse(problem);
  if ([...q].length > NAME_MAX) refuse(`姓名最多 ${NAME_MAX} 个字`);
  return { kind: 'name', prefix: q };
}
