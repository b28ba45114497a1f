// Each SMS template's name in Chinese, as staff read it in the SMS log and a person's conversation.
// Typed over every template: a new template does not compile until it is named here.
import type { TemplateName } from './templates.js';

export const TEMPLATE_DISPLAY_NAMES: Record<TemplateName, string> = {
  registered: '报名成功',
  registeredDailyWage: '报名成功（日薪折月薪）',
  optInLimited: '恢复订阅（运营商限制）',
  statusTrip: '报名状态（已排车）',
  optedOut: '退订确认',
  optedIn: '恢复订阅',
  help: '使用帮助',
  askFor: '补充报名信息',
  invalidIdNumber: '身份证号有误',
  registrationProblem: '报名未成功',
  alreadyRegistered: '已报名提醒',
  idTaken: '身份证号已被登记',
  notRegistered: '未报名提示',
  noOpenOffer: '无待答复岗位',
  status: '报名状态查询',
  changePhoneNeedsId: '换号缺身份证号',
  changePhoneRequested: '换号申请已收到',
  changePhoneConfirm: '换号确认（原号码）',
  changePhoneSame: '无需换号',
  newPhoneTaken: '新号码已被登记',
  phoneChanged: '换号完成',
  changePhoneRefused: '换号未通过',
  changePhoneKept: '已拒绝换号',
  noPendingPhoneChange: '换号已处理',
  forgetBlocked: '暂不能删除',
  offer: '岗位通知',
  offerAccepted: '接受岗位确认',
  offerDeclined: '拒绝岗位确认',
  offerExpired: '岗位通知过期',
  offerWithdrawn: '岗位通知撤回',
  offerExtended: '答复期限延长',
  tripBooked: '专车座位通知',
  tripReminder: '乘车提醒',
  seatCancelled: '座位取消',
  tripChanged: '专车变动通知',
  seatMoved: '换车通知',
  forgetAsk: '删除确认询问',
  forgotten: '个人信息已删除',
  phoneMovedAway: '报名已转到新号码',
  repliesPaused: '自动回复暂停',
  verificationCode: '验证码',
};

/** A template name as stored with a message (possibly one no longer sent) → its Chinese name. */
export function templateDisplayName(template: string): string | undefined {
  return (TEMPLATE_DISPLAY_NAMES as Record<string, string>)[template];
}
