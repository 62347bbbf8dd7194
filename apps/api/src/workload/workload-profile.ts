import type { FaultCategory } from '@opsdesk/domain';

/**
 * What a month of station faults looks like, as numbers the generator
 * draws from. Invented to look like a car-sharing operator's desk, not
 * measured: change them here, in one place.
 */
export interface WorkloadProfile {
  /** Mean calls on an ordinary Monday. */
  callsPerDay: number;
  /** Relative call rate per Shanghai hour, 0–23. */
  hourWeights: readonly number[];
  /** Day factors Monday–Sunday; rentals, and so faults, peak at weekends. */
  weekdayFactors: readonly number[];
  /** Public holidays (chinese-days) count like a busy weekend day. */
  holidayFactor: number;
  categoryMix: Readonly<Record<FaultCategory, number>>;
  /** Share the inspector clears on the first visit, per category. */
  clearedFirstVisit: Readonly<Record<FaultCategory, number>>;
  /** Share of escalated pile faults that operations send to the supplier. */
  supplierShare: number;
  /** Share of repairs that need a second attempt (gap G-e). */
  secondAttempt: number;
  /** Share of supplier jobs that hang for weeks (the slowest open tickets). */
  supplierHangs: number;
  /** Share of calls made by property management (物业方). */
  propertyManagement: number;
}

export const DEFAULT_PROFILE: WorkloadProfile = {
  callsPerDay: 24,
  hourWeights: [
    0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.0, 2.2, 1.8, 1.5, 1.3, 1.4, 1.5,
    1.6, 1.8, 2.2, 2.4, 2.0, 1.5, 1.1, 0.8, 0.5,
  ],
  weekdayFactors: [1.0, 0.95, 0.95, 1.0, 1.1, 1.3, 1.25],
  holidayFactor: 1.3,
  categoryMix: {
    'charging-pile': 0.42,
    'barrier-gate': 0.2,
    'parking-space': 0.18,
    lighting: 0.12,
    other: 0.08,
  },
  clearedFirstVisit: {
    'charging-pile': 0.45,
    'barrier-gate': 0.7,
    'parking-space': 0.75,
    lighting: 0.6,
    other: 0.65,
  },
  supplierShare: 0.8,
  secondAttempt: 0.1,
  supplierHangs: 0.05,
  propertyManagement: 0.55,
};

/**
 * Simulated minutes each step takes after the previous one, as a range
 * drawn log-uniformly. They decide only how far a ticket has got by the
 * end of the window; the log records real times (README, "Reporting").
 */
export const STEP_MINUTES = {
  intake: [1, 5],
  createTask: [0.5, 3],
  inspectorArrives: [20, 120],
  inspection: [10, 45],
  platformReports: [5, 40],
  dispatchEscalates: [10, 90],
  managerAssigns: [20, 240],
  opsClassifies: [30, 300],
  supplierRepairs: [240, 2880],
  supplierHangs: [20_160, 57_600],
  opsRepairs: [60, 480],
  resultToManager: [10, 90],
  notify: [10, 120],
  informReporter: [10, 180],
} as const satisfies Record<string, readonly [number, number]>;

/** What a reporter says, per category; each names its category's keyword. */
export const DESCRIPTIONS: Readonly<Record<FaultCategory, readonly string[]>> =
  {
    'charging-pile': [
      '{pile}号充电桩无法启动充电，屏幕黑屏',
      '{pile}号充电桩充电枪头破损',
      '{pile}号充电桩刷卡无反应',
      '{pile}号充电桩充电中途跳停',
    ],
    'barrier-gate': [
      '出口道闸无法抬杆，车辆无法驶出',
      '入口道闸栏杆被撞断',
      '道闸识别不了车牌，抬杆失败',
    ],
    lighting: [
      '网点照明灯不亮，夜间取车困难',
      '顶棚灯管闪烁',
      '网点指示灯箱不亮',
    ],
    'parking-space': [
      '车位被社会车辆占用',
      '地锁无法降下',
      '车位标线模糊，用户找不到车位',
    ],
    other: ['网点指示牌被撞倒', '网点地面积水严重', '网点监控摄像头损坏'],
  };

export const REPORTER_NAMES = [
  '王经理',
  '刘主管',
  '陈师傅',
  '张女士',
  '李先生',
];
