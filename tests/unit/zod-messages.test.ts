// Validation messages read as plain Chinese next to a form field.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validate } from '../../functions/http/validate.js';
import { ValidationError } from '../../functions/domain/errors.js';

const Form = z.object({
  title: z.string().check(z.trim(), z.minLength(2), z.maxLength(10)),
  openings: z.int().check(z.minimum(1), z.maximum(500)),
  skills: z.array(z.string()).check(z.minLength(1)),
  startDate: z.iso.date(),
  months: z.enum(['3', '6']),
});

function messages(input: unknown): Record<string, string> {
  try {
    validate(Form, input, '岗位');
  } catch (error) {
    return Object.fromEntries((error as ValidationError).details.map((d) => [d.path, d.message]));
  }
  throw new Error('expected a validation error');
}

describe('validation messages', () => {
  it('says what a field needs, in words a form user reads', () => {
    expect(messages({ title: '王', openings: 0, skills: [], startDate: '3月5日', months: '4' })).toEqual({
      title: '至少 2 个字',
      openings: '不能小于 1',
      skills: '至少选一项',
      startDate: '应为日期，如 2027-03-01',
      months: '应为以下之一：3、6',
    });
  });

  it('names a missing field, a wrong type and a too-long text', () => {
    expect(messages({ title: '很长很长很长很长很长的标题', openings: 'five', skills: ['普工'], startDate: '2027-03-01', months: '3' })).toEqual({
      title: '最多 10 个字',
      openings: '应为数字',
    });
    expect(messages({ openings: 1.5, skills: ['普工'], startDate: '2027-03-01', months: '3' })).toEqual({ title: '必填', openings: '应为整数' });
  });

  it('never shows zod’s own wording', () => {
    const all = Object.values(messages({ title: 1, openings: -1, skills: 'x', startDate: 5 })).join(' ');
    expect(all).not.toMatch(/期望|数值过|无效输入|string|>=/);
  });
});
