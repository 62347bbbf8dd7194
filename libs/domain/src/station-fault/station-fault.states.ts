import type { Label } from '../shared';

/** The states of P20 网点故障上报流程 (its procedure, 4.1–4.12). */
export const STATION_FAULT_STATES = {
  NEW: { zh: '未创建', en: 'Not yet reported' },
  RECORDED: { zh: '已记录', en: 'Recorded' },
  AWAITING_DISPATCH: { zh: '待调度派发', en: 'Awaiting dispatch' },
  AT_REGIONAL_PLATFORM: { zh: '区域平台处理中', en: 'At regional platform' },
  INSPECTION_ASSIGNED: { zh: '已指派巡检', en: 'Inspection assigned' },
  INSPECTING: { zh: '巡检现场排查中', en: 'Inspector on site' },
  RESOLVED_BY_INSPECTION: { zh: '巡检已排除', en: 'Cleared by inspector' },
  UNRESOLVED_AT_PLATFORM: {
    zh: '未排除·待区域平台反馈',
    en: 'Not cleared, at platform',
  },
  UNRESOLVED_AT_DISPATCH: {
    zh: '未排除·待调度上报',
    en: 'Not cleared, at dispatch',
  },
  AT_STATION_MANAGER: { zh: '网点管理岗处理中', en: 'At station manager' },
  AT_OPS_TEAM: { zh: '网点运维团队处理中', en: 'At operations team' },
  SUPPLIER_HANDLING: { zh: '充电桩供应商处理中', en: 'Supplier on site' },
  OPS_REPAIRING: { zh: '运维现场维修中', en: 'Operations repairing' },
  HANDLING_DONE: { zh: '现场处理完成', en: 'Handling done' },
  RESULT_AT_STATION_MANAGER: {
    zh: '结果已报网点管理岗',
    en: 'Result with station manager',
  },
  RESULT_NOTIFIED: { zh: '已通知客服中心', en: 'Result notified to centre' },
  CLOSED: { zh: '已关闭', en: 'Closed' },
} as const satisfies Record<string, Label>;

export type StationFaultStatus = keyof typeof STATION_FAULT_STATES;
