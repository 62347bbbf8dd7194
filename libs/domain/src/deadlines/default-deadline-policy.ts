import type {
  BreachAction,
  DeadlinePolicyDraft,
  DeadlineRule,
  DeadlineTerms,
} from './deadline-policy.types';

/** The policy published on first start, under this name. */
export const DEFAULT_DEADLINE_POLICY_NAME = 'default';

const notify: BreachAction = { type: 'notify' };
const escalate = (
  role:
    | 'cs-shift-leader'
    | 'cs-supervisor'
    | 'dispatch-manager'
    | 'regional-platform'
    | 'station-manager',
): BreachAction => ({
  type: 'escalate',
  role,
});
const raise: BreachAction = { type: 'raise-priority', to: 'high' };

function working(
  deadlineMinutes: number,
  onBreach: BreachAction[],
): DeadlineTerms {
  return {
    clock: 'working',
    deadlineMinutes,
    warnAfterMinutes: [Math.round(deadlineMinutes * 0.75)],
    onBreach,
  };
}

function elapsed(
  deadlineMinutes: number,
  onBreach: BreachAction[],
): DeadlineTerms {
  return {
    clock: 'elapsed',
    deadlineMinutes,
    warnAfterMinutes: [Math.round(deadlineMinutes * 0.5)],
    onBreach,
  };
}

function halved(terms: DeadlineTerms): DeadlineTerms {
  if (terms.clock === 'end-of-working-day') return terms;
  const deadlineMinutes = Math.max(1, Math.round(terms.deadlineMinutes / 2));
  return {
    ...terms,
    deadlineMinutes,
    warnAfterMinutes: terms.warnAfterMinutes
      .map((m) => Math.round(m / 2))
      .filter((m) => m > 0 && m < deadlineMinutes),
  };
}

/**
 * A step's rule at normal priority and, for counted deadlines, one at
 * urgent priority with half the time.
 */
function rule(
  processId: string,
  step: string,
  normal: DeadlineTerms,
): DeadlineRule[] {
  const urgent = halved(normal);
  return urgent === normal
    ? [{ processId, step, ...normal }]
    : [
        { processId, step, ...normal },
        { processId, step, priority: 'urgent', ...urgent },
      ];
}

const endOfDay = (onBreach: BreachAction[]): DeadlineTerms => ({
  clock: 'end-of-working-day',
  warnBeforeMinutes: [60],
  onBreach,
});

const SF = 'station-fault';
const CB = 'phone-callback';

/**
 * Placeholders, not the operator's numbers: the manual gives no time for
 * any step of P20 网点故障上报流程, only P08 电话回访流程's three tries on
 * one day and the unreached list before the end of the shift (4.2). Field
 * steps count working hours; the centre's own steps count wall-clock
 * time, since the hotline is staffed around the clock.
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicyDraft = {
  workingHours: [{ from: '09:00', to: '18:00' }],
  note: '默认时限（占位，待业务确认）',
  rules: [
    ...rule(SF, 'RECORDED', elapsed(30, [notify, escalate('cs-shift-leader')])),
    ...rule(
      SF,
      'AWAITING_DISPATCH',
      working(60, [notify, escalate('cs-supervisor')]),
    ),
    ...rule(
      SF,
      'AT_REGIONAL_PLATFORM',
      working(60, [notify, escalate('dispatch-manager')]),
    ),
    ...rule(
      SF,
      'INSPECTION_ASSIGNED',
      working(120, [notify, escalate('regional-platform'), raise]),
    ),
    ...rule(
      SF,
      'INSPECTING',
      working(240, [notify, escalate('regional-platform')]),
    ),
    ...rule(SF, 'UNRESOLVED_AT_PLATFORM', working(60, [notify])),
    ...rule(
      SF,
      'UNRESOLVED_AT_DISPATCH',
      working(60, [notify, escalate('cs-supervisor')]),
    ),
    ...rule(
      SF,
      'AT_STATION_MANAGER',
      working(120, [notify, escalate('cs-supervisor')]),
    ),
    ...rule(
      SF,
      'AT_OPS_TEAM',
      working(240, [notify, escalate('station-manager')]),
    ),
    ...rule(
      SF,
      'SUPPLIER_HANDLING',
      working(2 * 540, [notify, escalate('station-manager'), raise]),
    ),
    ...rule(
      SF,
      'OPS_REPAIRING',
      working(2 * 540, [notify, escalate('station-manager')]),
    ),
    ...rule(SF, 'HANDLING_DONE', working(60, [notify])),
    ...rule(
      SF,
      'RESULT_AT_STATION_MANAGER',
      working(60, [notify, escalate('cs-supervisor')]),
    ),
    ...rule(
      SF,
      'RESULT_NOTIFIED',
      working(540, [notify, escalate('cs-supervisor')]),
    ),
    ...rule(CB, 'OPEN', elapsed(60, [notify, escalate('cs-shift-leader')])),
    ...rule(CB, 'PREPARED', elapsed(60, [notify, escalate('cs-shift-leader')])),
    ...rule(CB, 'ATTEMPTING', endOfDay([notify, escalate('cs-shift-leader')])),
    ...rule(CB, 'CONNECTED', elapsed(30, [notify])),
    ...rule(CB, 'ESCALATED', working(240, [notify, escalate('cs-supervisor')])),
    ...rule(
      CB,
      'STILL_DISSATISFIED',
      working(240, [notify, escalate('cs-supervisor')]),
    ),
    ...rule(
      CB,
      'UNREACHED_REPORTED',
      endOfDay([notify, escalate('cs-supervisor')]),
    ),
    // P29 市场会员卡进度审核流程 4.3.2: the user waits 3–5 working days;
    // at 3 the agent is reminded, at 5 the supervisor is told. A working
    // day is the policy's working hours (9 h), so 3 days are 1,620 minutes.
    {
      processId: 'membership-card',
      step: 'AWAITING_CARD',
      clock: 'working',
      deadlineMinutes: 5 * 540,
      warnAfterMinutes: [3 * 540],
      onBreach: [notify, escalate('cs-supervisor')],
    },
  ],
};
