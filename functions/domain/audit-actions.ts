// What each audited staff action is called on the pages (shared by the history service and the workspace).
const ACTION_NAMES: Record<string, string> = {
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
  'county.pickupPoints': '修改乘车点',
  'vacancy.update': '修改岗位',
  'post.create': '发布公益岗位',
  povertyImport: '导入贫困户名单',
};

export function auditActionName(action: string): string {
  return ACTION_NAMES[action] ?? action;
}

