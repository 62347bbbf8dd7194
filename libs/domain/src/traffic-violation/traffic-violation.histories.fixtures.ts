// Histories for the rejection and process specs, made by walking the
// decider through one case; the days spec checks every step of that walk
// event by event, so a decider bug shows there rather than hiding here.
import type { DecisionContext } from '../shared';
import type { TrafficViolationCommand } from './traffic-violation.commands';
import type { TrafficViolationEvent } from './traffic-violation.events';
import {
  CONFIG,
  command,
  ctx,
  emailed,
  enter,
  reached,
  sh,
  tick,
  timer,
} from './traffic-violation.fixtures';
import { trafficViolationProcess } from './traffic-violation.process';
import type { TrafficViolationStatus } from './traffic-violation.states';

export type Step = [TrafficViolationCommand, DecisionContext];

export const specialist = (at: string) =>
  ctx('subsidiary-violation-specialist', sh(at));
export const reminder = (at: string) =>
  ctx('cs-violation-reminder-specialist', sh(at));
export const risk = (at: string) => ctx('risk-control-manager', sh(at));
export const online = (at: string) => ctx('cs-online-agent', sh(at));
export const finance = (at: string) => ctx('finance-manager', sh(at));
export const at = (local: string) => timer(sh(local));

/** Entered Thursday 5 March 2026; nobody e-mails; every call is made. */
export const TO_DEDUCTION: Step[] = [
  [enter, specialist('2026-03-05 10:30')],
  [tick, at('2026-03-05 10:30')],
  [tick, at('2026-03-06 09:00')],
  [tick, at('2026-03-07 09:00')],
  [tick, at('2026-03-08 09:00')],
  [command('RecordReminderCall', reached), reminder('2026-03-08 10:00')],
  [emailed, online('2026-03-08 11:00')],
  [tick, at('2026-03-13 09:00')],
  [command('RecordWarningCall', reached), reminder('2026-03-13 10:00')],
  [tick, at('2026-03-17 09:00')],
  [command('RecordRiskControlCall', reached), risk('2026-03-17 10:00')],
  [tick, at('2026-03-20 09:00')],
  [command('RequestDepositDeduction', {}), risk('2026-03-20 10:00')],
  [
    command('RecordDepositDeducted', { amountFen: 20000 }),
    finance('2026-03-20 14:00'),
  ],
  [
    command('HandOffToReceivables', {
      result: '已扣押金200元',
      receivableCaseId: 'AR-2026-0042',
    }),
    risk('2026-03-20 15:00'),
  ],
];

/** The events of the walk up to the first time it reaches each state. */
export function historiesOf(
  steps: readonly Step[],
): Partial<Record<TrafficViolationStatus, TrafficViolationEvent[]>> {
  const found: Partial<
    Record<TrafficViolationStatus, TrafficViolationEvent[]>
  > = {};
  let state = trafficViolationProcess.initialState;
  const events: TrafficViolationEvent[] = [];
  for (const [cmd, context] of steps) {
    const decided = trafficViolationProcess.decide(cmd, state, context, CONFIG);
    for (const e of decided) state = trafficViolationProcess.evolve(state, e);
    events.push(...decided);
    found[state.status] ??= [...events];
  }
  return found;
}

const main = historiesOf(TO_DEDUCTION);
const collecting = historiesOf([
  ...TO_DEDUCTION.slice(0, 12),
  [
    command('StartInPersonCollection', { reason: '金额较大、多次拒接' }),
    risk('2026-03-20 10:00'),
  ],
]);

export const historyOf = {
  ...main,
  IN_PERSON_COLLECTION: collecting.IN_PERSON_COLLECTION,
} as Record<
  Exclude<
    TrafficViolationStatus,
    'NEW' | 'HANDLED_BY_USER' | 'CLOSED_BY_COLLECTION'
  >,
  TrafficViolationEvent[]
>;
