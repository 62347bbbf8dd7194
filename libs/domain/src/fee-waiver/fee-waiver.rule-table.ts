import type { Label } from '../shared';

/** The four waiver methods (减免方式) of P17 客服费用减免操作流程. */
export const WAIVER_METHODS = {
  full: { zh: '全额减免', en: 'Full waiver' },
  'full-if-vehicle-unused': {
    zh: '未使用车辆全额减免',
    en: 'Full waiver if the vehicle was not used',
  },
  'waive-from-call-time': {
    zh: '减免至来电时间',
    en: 'Charged up to the call time only',
  },
  discretionary: { zh: '酌情减免', en: 'Discretionary waiver' },
} as const satisfies Record<string, Label>;

export type WaiverMethod = keyof typeof WAIVER_METHODS;

export const WAIVER_METHOD_IDS = Object.keys(WAIVER_METHODS) as WaiverMethod[];

/** One row of 费用减免类别描述及操作规则. */
export interface WaiverRuleRow {
  /** The row's number in its table version, 1-based. */
  row: number;
  /** The stable key an agent picks, e.g. `cannot-start-at-station`. */
  caseCode: string;
  /** 减免类别 */
  category: string;
  /** 具体描述 (empty where the manual gives none) */
  description: string;
  /** 减免方式 */
  method: WaiverMethod;
  /**
   * Row 1's condition: the car moved within this many minutes of the
   * first call, or normal charging (超过半小时正常收费).
   */
  moveWithinMinutes?: number;
}

/** A version of the table, in force from `effectiveFrom`. */
export interface WaiverTableVersion {
  /** e.g. `P17-V1.2` */
  version: string;
  effectiveFrom: string;
  rows: readonly WaiverRuleRow[];
}

/**
 * The table as the manual gives it (P17, V1.2, 2017-06-22). Its cells
 * survive garbled, in two blocks; read as the block after the column
 * headers (B) then the one before them (A, the next page), they give
 * 11 + 7 = 18 rows against the 18 methods, and every 在网点 / 在中途 pair
 * comes out alike. Always in force until a published version replaces it.
 */
export const P17_WAIVER_TABLE: WaiverTableVersion = {
  version: 'P17-V1.2',
  effectiveFrom: '2017-06-22T00:00:00+08:00',
  rows: [
    {
      row: 1,
      caseCode: 'no-space-move-car',
      category: '无法还车(网点无车位)',
      description: '首次致电半个小时内愿意移车(超过半小时正常收费)',
      method: 'waive-from-call-time',
      moveWithinMinutes: 30,
    },
    {
      row: 2,
      caseCode: 'cannot-start-at-station',
      category: '无法启动',
      description: '在网点',
      method: 'full-if-vehicle-unused',
    },
    {
      row: 3,
      caseCode: 'cannot-start-en-route',
      category: '无法启动',
      description: '在中途',
      method: 'waive-from-call-time',
    },
    {
      row: 4,
      caseCode: 'cannot-open-door-at-station',
      category: '无法开门',
      description: '在网点(订单状态已取车,刷不开车门)',
      method: 'full',
    },
    {
      row: 5,
      caseCode: 'cannot-open-door-en-route',
      category: '无法开门',
      description: '在中途',
      method: 'waive-from-call-time',
    },
    {
      row: 6,
      caseCode: 'guard-blocks-exit',
      category: '网点问题',
      description: '保安不让车辆行驶出网点(刚取车状态建议去别处网点借车)',
      method: 'full',
    },
    {
      row: 7,
      caseCode: 'tyre-problem',
      category: '车胎问题',
      description: '',
      method: 'full-if-vehicle-unused',
    },
    {
      row: 8,
      caseCode: 'rescue-out-of-charge',
      category: '故障救援',
      description: '没电抛锚',
      method: 'waive-from-call-time',
    },
    {
      row: 9,
      caseCode: 'rescue-accident',
      category: '故障救援',
      description: '车辆事故',
      method: 'waive-from-call-time',
    },
    {
      row: 10,
      caseCode: 'damaged-en-route',
      category: '中途损坏',
      description: '',
      method: 'waive-from-call-time',
    },
    {
      row: 11,
      caseCode: 'lost-belongings',
      category: '遗失物品',
      description: '',
      method: 'discretionary',
    },
    {
      row: 12,
      caseCode: 'own-fault-power-off',
      category: '用户自身原因却执意要求减免',
      description: '关电子设备、关灯、熄火',
      method: 'discretionary',
    },
    {
      row: 13,
      caseCode: 'own-fault-bystander-helped',
      category: '用户自身原因却执意要求减免',
      description: '路人、旁观者好心帮忙操作',
      method: 'full',
    },
    {
      row: 14,
      caseCode: 'system-auto-pickup-unused',
      category: '系统异常',
      description: '自动取车未使用',
      method: 'full',
    },
    {
      row: 15,
      caseCode: 'range-mismatch',
      category: '续航不足',
      description: '实际里程与APP显示续航里程差异较大',
      method: 'full-if-vehicle-unused',
    },
    {
      row: 16,
      caseCode: 'battery-drained-at-station',
      category: '电瓶馈电',
      description: '在网点',
      method: 'full-if-vehicle-unused',
    },
    {
      row: 17,
      caseCode: 'battery-drained-en-route',
      category: '电瓶馈电',
      description: '在中途',
      method: 'waive-from-call-time',
    },
    {
      row: 18,
      caseCode: 'vehicle-condition',
      category: '车况问题',
      description:
        '车内脏乱、无行驶证、无保单、无拖钩、无车钥匙、雨刮器损坏、无三脚架等',
      method: 'full-if-vehicle-unused',
    },
  ],
};

/**
 * The version in force at an instant: of those effective by then, the one
 * that became effective last (the later listed on a tie). A request keeps
 * the version in force when it was decided, whatever is published later.
 */
export function waiverTableInForce(
  versions: readonly WaiverTableVersion[],
  at: string,
): WaiverTableVersion | undefined {
  const atMs = Date.parse(at);
  let found: WaiverTableVersion | undefined;
  for (const candidate of versions) {
    const from = Date.parse(candidate.effectiveFrom);
    if (from > atMs) continue;
    if (!found || from >= Date.parse(found.effectiveFrom)) found = candidate;
  }
  return found;
}
