// The Chinese a coordinator reads for stored codes (statuses, channels), where the server writes text
// for people: spreadsheets. The pages keep their own zh/en copies (web/src/i18n.ts).

export const LABOURER_STATUS_LABELS: Record<string, string> = {
  registered: '已登记',
  offered: '待答复',
  accepted: '已接受',
  placed: '已上岗',
  travelling: '乘车中',
  inactive: '已停用',
  arrived: '已到达',
};

export const OFFER_STATUS_LABELS: Record<string, string> = {
  offered: '待答复',
  accepted: '已接受',
  declined: '已拒绝',
  expired: '已过期',
  withdrawn: '已撤回',
  placed: '已上岗',
  left: '已离职',
  not_arrived: '未到岗',
};

/** Where a worker stands on the employer's list (GET /vacancies/{id}/workers). */
export const WORKER_STATUS_LABELS: Record<string, string> = {
  offered: '待答复',
  accepted: '已接受',
  travelling: '乘车中',
  arrived: '已到达',
  placed: '在岗',
  left: '已离职',
  not_arrived: '未到岗',
};

export const CHANNEL_LABELS: Record<string, string> = { web: '网页', sms: '短信' };

export const POVERTY_SOURCE_LABELS: Record<string, string> = { self: '本人申报', import: '县名单导入', coordinator: '工作人员修改' };

export const VACANCY_KIND_LABELS: Record<string, string> = { job: '企业岗位', post: '公益岗位' };

/** The label of a code, or the code itself when it has none (a status added later still shows). */
export function labelOf(labels: Record<string, string>, code: string | undefined): string {
  return code === undefined ? '' : (labels[code] ?? code);
}
