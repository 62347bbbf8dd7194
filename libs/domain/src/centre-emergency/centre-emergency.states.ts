import type { Label } from '../shared';

/**
 * The states of 客服中心应急处理流程, reconstructed: the text gives steps
 * for the app scenario only, the other two come from the duties (3.x).
 */
export const CENTRE_EMERGENCY_STATES = {
  NEW: { zh: '未登记', en: 'Not yet logged' },
  PRE_ANNOUNCED: {
    zh: '已提前通知·待启动应急机制',
    en: 'Announced in advance, awaiting the emergency mechanism',
  },
  CLOSED_EMERGENCY_MECHANISM: {
    zh: '已启动应急机制·本流程结束',
    en: 'Emergency mechanism activated, process ended',
  },
  UNANNOUNCED: {
    zh: '未提前通知·待确认预计修复时间',
    en: 'Not announced, awaiting the repair estimate',
  },
  ETA_CONFIRMED: {
    zh: '已确认预计修复时间·待全员上线',
    en: 'Estimate confirmed, awaiting all hands on the phones',
  },
  DEGRADED_OPERATION: {
    zh: '应急运行中·待技术修复',
    en: 'Degraded operation, awaiting the fix',
  },
  RECOVERING: {
    zh: '故障已修复·善后处理中',
    en: 'Fault fixed, follow-up work',
  },
  CLOSED_RESOLVED: { zh: '应急处理结束', en: 'Emergency closed' },
} as const satisfies Record<string, Label>;

export type CentreEmergencyStatus = keyof typeof CENTRE_EMERGENCY_STATES;

/** The states in which the fault is still open: records may be added. */
export const FAULT_OPEN_STATES: readonly CentreEmergencyStatus[] = [
  'UNANNOUNCED',
  'ETA_CONFIRMED',
  'DEGRADED_OPERATION',
];

/** Every state of a ticket that has not ended. */
export const EMERGENCY_ACTIVE_STATES: readonly CentreEmergencyStatus[] = [
  'PRE_ANNOUNCED',
  ...FAULT_OPEN_STATES,
  'RECOVERING',
];
