// zod → ValidationError with every bad field named in `details`.
import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { ValidationError } from '#domain/errors.js';

// Messages reach people filling a form: Chinese first.
z.config(zhCN());

export function validate<S extends z.ZodMiniType>(schema: S, input: unknown, what = '请求'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    `${what}有 ${result.error.issues.length} 处错误`,
    result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })),
  );
}
