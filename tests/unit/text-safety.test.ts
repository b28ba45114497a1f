// Names and titles people read: nothing invisible, no control or direction characters, no blank names;
// dates a person could mean.
import { describe, expect, it } from 'vitest';
import { textProblem } from '../../functions/domain/text-safety.js';
import { CreatePostBody, PostVacancyBody } from '../../functions/http/schemas/vacancies.js';
import { RegisterLabourerBody } from '../../functions/http/schemas/labourers.js';
import { TripEditBody } from '../../functions/http/schemas/trip-edits.js';

describe('textProblem', () => {
  it('accepts the names and titles people write', () => {
    for (const ok of ['王立学', '买买提·艾力', 'Li Wei', '欧阳 娜娜', '湖州建工（集团）', '卡口值守 A-3', '𠀀𠀁']) expect(textProblem(ok)).toBeUndefined();
  });

  it('refuses control characters, lone surrogates and direction controls, in Chinese', () => {
    for (const control of ['王\u0000立学', '王立学\n', '\t王', '王\u007F', '王\u0085']) expect(textProblem(control)).toContain('控制字符');
    for (const lone of ['王\uD800', '\uDC00立学', '王\uDBFF\u0041']) expect(textProblem(lone)).toBe('含有无法识别的字符');
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`王${c}立学`)).toBe('不能含有改变文字方向的控制字符');
    }
  });

  it('refuses text of only spaces or invisible characters', () => {
    for (const blank of ['', ' ', '\u3000\u3000', '\u200B\u200B', '\u200B \u200C\u200D', '\uFEFF\u2060', '\u3164\u3164', '\u00A0\u00AD']) {
      expect(textProblem(blank)).toBe('不能只有空格或不可见字符');
    }
  });
});

describe('schemas', () => {
  const registration = {
    name: '王立学', idNumber: '510822198503150018', phone: '13800138000', skills: ['泥瓦工'], expectedWage: 4500, consent: true,
  };
  const vacancy = { title: '普工', skills: ['普工'], county: '510822', openings: 2, monthlyWage: 3000, startDate: '2027-03-01' };

  it('use textProblem for names and titles', () => {
    expect(RegisterLabourerBody.safeParse(registration).success).toBe(true);
    const bad = RegisterLabourerBody.safeParse({ ...registration, name: '\u202E学立王' });
    expect(bad.error?.issues).toMatchObject([{ path: ['name'], message: '不能含有改变文字方向的控制字符' }]);
    expect(RegisterLabourerBody.safeParse({ ...registration, name: '\u200B\u200B' }).error?.issues).toMatchObject([
      { path: ['name'], message: '不能只有空格或不可见字符' },
    ]);
    expect(PostVacancyBody.safeParse({ ...vacancy, title: '普\u0000工' }).success).toBe(false);
    expect(TripEditBody.safeParse({ escort: '李\u2066医生' }).success).toBe(false);
  });

  it('take dates from 2000-01-01 to 2100-12-31 only', () => {
    for (const ok of ['2000-01-01', '2027-03-01', '2100-12-31']) {
      expect(PostVacancyBody.safeParse({ ...vacancy, startDate: ok }).success).toBe(true);
    }
    for (const far of ['1999-12-31', '0000-01-01', '2101-01-01', '9999-12-31']) {
      const result = PostVacancyBody.safeParse({ ...vacancy, startDate: far });
      expect(result.error?.issues).toMatchObject([{ path: ['startDate'], message: '日期应在 2000-01-01 到 2100-12-31 之间' }]);
      expect(RegisterLabourerBody.safeParse({ ...registration, availableFrom: far }).success).toBe(false);
      expect(CreatePostBody.safeParse({ title: '卡口值守', county: '510822', openings: 1, monthlyWage: 1800, months: 3, startDate: far }).success).toBe(false);
    }
  });
});
