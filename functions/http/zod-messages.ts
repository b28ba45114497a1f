// Validation messages as a person filling a form reads them, in Chinese: "至少 2 个字", not zod's own
// "数值过小：期望 string >=2 字符". Set once for every schema (validate.ts).
import type * as z from 'zod/mini';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['localeError']>>[0];

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否（true / false）',
  array: '列表',
  object: '一组字段',
  date: '日期',
};

const FORMAT_NAMES: Record<string, string> = {
  date: '日期，如 2027-03-01',
  datetime: '时间，如 2027-03-01T08:00:00+08:00',
  time: '时刻，如 07:30',
  email: '电子邮件地址',
  url: '网址',
};

export function plainChineseError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return `应为${TYPE_NAMES[issue.expected] ?? '正确的格式'}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${String(issue.values[0])}` : `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '必填' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? '至少选一项' : `至少 ${min} 项`;
      return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `最多 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    }
    case 'invalid_format':
      return FORMAT_NAMES[issue.format] ? `应为${FORMAT_NAMES[issue.format]}` : '格式不对';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    default:
      return '格式不对';
  }
}
