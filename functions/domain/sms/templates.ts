// Every outbound SMS, in one place: Chinese, signed 【春风行动】, each rendered with its segment count.
import { countSegments } from './segments.js';

export const SIGNATURE = '【春风行动】';

/** Template name → body builder. Keep the common notices within one 70-character UCS-2 segment. */
const TEMPLATES = {
  registered: (p: { name: string }) =>
    `${p.name}您好，春风行动报名成功。有合适岗位会短信通知您。查询回CX，退订回TD。`,
  optedOut: (_p: Record<string, never>) => '您已退订春风行动短信，今后不再发送。需要时回复"订阅"恢复。',
} satisfies Record<string, (params: never) => string>;

/** The one message an opted-out number still gets: the confirmation that it opted out. */
export const REACHES_OPTED_OUT: ReadonlySet<string> = new Set<TemplateName>(['optedOut']);

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateParams<T extends TemplateName> = Parameters<(typeof TEMPLATES)[T]>[0];

export interface RenderedSms {
  template: TemplateName;
  body: string;
  segments: number;
}

export function renderSms<T extends TemplateName>(template: T, params: TemplateParams<T>): RenderedSms {
  const build = TEMPLATES[template] as (p: TemplateParams<T>) => string;
  const body = SIGNATURE + build(params);
  return { template, body, segments: countSegments(body).segments };
}
