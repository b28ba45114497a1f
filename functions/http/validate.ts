// zod → ValidationError with every bad field named in `details`.
import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.js';
import { plainChineseError } from './zod-messages.js';

// Messages reach people filling a form: plain Chinese.
z.config({ localeError: plainChineseError });

export function validate<S extends z.ZodMiniType>(schema: S, input: unknown, what = '请求'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    `${what}有 ${result.error.issues.length} 处错误`,
    result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })),
  );
}
