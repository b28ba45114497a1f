// Inputs of the /counties routes.
import * as z from 'zod/mini';
import { displayText } from './fields.js';

const point = z.strictObject({
  code: z.optional(z.string().check(z.trim(), z.regex(/^[0-9A-Za-z_-]{1,20}$/, '编码应为 1–20 位字母或数字'))),
  name: displayText(2, 40),
});

export const PickupPointsBody = z.strictObject({
  points: z
    .array(point)
    .check(
      z.minLength(1, '至少要有一个乘车点'),
      z.maxLength(50, '乘车点最多 50 个'),
      z.refine((points) => new Set(points.map((p) => p.name)).size === points.length, '乘车点名称不能重复'),
    ),
});
