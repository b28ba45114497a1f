// Why a labourer got no offer from a matching run: stable English codes for programs, and the Chinese a
// coordinator reads, with what they can do about it. In the order they are checked: the first that
// holds is the reason (explain-unmatched.ts).

export const UNMATCHED_REASONS = [
  'opted_out',
  'unreachable',
  'cannot_travel_no_local_job',
  'no_trade_in_destinations',
  'wage_above_vacancies',
  'available_after_start',
  'declined_before',
  'vacancies_full',
] as const;

export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

export const UNMATCHED_REASON_LABELS: Record<UnmatchedReason, string> = {
  opted_out: '已退订短信',
  unreachable: '号码无法送达',
  cannot_travel_no_local_job: '不能外出，本县没有岗位',
  no_trade_in_destinations: '意向地没有对口工种的岗位',
  wage_above_vacancies: '期望月薪高于所有对口岗位',
  available_after_start: '可到岗日期晚于所有对口岗位的开工日期',
  declined_before: '对口岗位都已拒绝过',
  vacancies_full: '对口岗位名额已满（建档立卡户优先或他人更合适）',
};

/** What a coordinator can do about each reason. */
export const UNMATCHED_REASON_ADVICE: Record<UnmatchedReason, string> = {
  opted_out: '本人回复"订阅"后才能再发岗位短信',
  unreachable: '连续两条短信未送达：电话核实后更新手机号',
  cannot_travel_no_local_job: '联系本县企业、扶贫车间，或开设公益岗位',
  no_trade_in_destinations: '联系意向地招该工种的企业，或与本人商量其他去向、工种',
  wage_above_vacancies: '与本人沟通期望月薪，或联系薪资更高的企业',
  available_after_start: '联系开工较晚的企业，或与本人确认能否提前到岗',
  declined_before: '等待新岗位，或电话了解拒绝原因',
  vacancies_full: '联系对口企业增加名额，下次匹配再安排',
};

export function isUnmatchedReason(value: string): value is UnmatchedReason {
  return (UNMATCHED_REASONS as readonly string[]).includes(value);
}
