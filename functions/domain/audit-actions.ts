// What each audited staff action is called on the pages (shared by the history service and the workspace).
// Every action the services write is one of these keys (AuditRecord's type): each has its Chinese name.
export const ACTION_NAMES = {
  'labourer.register': '工作人员代为报名',
  'labourer.update': '修改资料',
  'phoneChange.approve': '换号完成',
  'phoneChange.refuse': '换号被拒绝',
  'seat.cancel': '取消专车座位',
  'trip.book': '预订专车',
  'trip.update': '修改专车',
  'trip.passenger.add': '安排乘车',
  'trip.passenger.move': '调整乘车',
  'trip.merge': '合并专车',
  'trip.split': '拆分专车',
  'trip.board': '上车签到',
  'trip.absent': '标记未到',
  'trip.depart': '专车发车',
  'trip.arrive': '专车到达',
  'trip.escortToken': '生成带队人员链接',
  'offer.placed': '确认上岗',
  'offer.notArrived': '登记未到岗',
  'offer.left': '登记离岗',
  'broadcast.create': '群发短信',
  'sms.resend': '重发失败短信',
  'county.pickupPoints': '修改乘车点',
  'vacancy.update': '修改岗位',
  'post.create': '发布公益岗位',
  povertyImport: '导入贫困户名单',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof ACTION_NAMES;

export function auditActionName(action: string): string {
  return (ACTION_NAMES as Record<string, string>)[action] ?? action;
}

