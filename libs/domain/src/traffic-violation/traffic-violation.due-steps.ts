import type { TrafficViolationState } from './traffic-violation.state';

export type ViolationTimerStep =
  | 'sms-0'
  | 'sms-1'
  | 'sms-2'
  | 'first-days-end'
  | 'warning-call'
  | 'risk-call'
  | 'deduction';

export interface DueStep {
  step: ViolationTimerStep;
  dueAt: string;
}

/**
 * The next day-counted step of a case and when it falls due, from what
 * was recorded (the schedule at entry, the deduction day at risk
 * control's call); undefined where no timer runs. A scheduler sets one
 * timer for it; the decider refuses it before `dueAt`.
 */
export function nextViolationStep(
  state: TrafficViolationState,
): DueStep | undefined {
  const schedule = state.schedule;
  if (!schedule) return undefined;
  switch (state.status) {
    case 'NOTIFYING':
      if (state.smsSent < 3) {
        const n = state.smsSent as 0 | 1 | 2;
        return { step: `sms-${n}`, dueAt: schedule.smsDueAt[n] };
      }
      return { step: 'first-days-end', dueAt: schedule.reminderDueAt };
    case 'REMINDER_DUE':
    case 'UNPUSHED_AT_ONLINE':
    case 'AWAITING_USER':
      return { step: 'warning-call', dueAt: schedule.warningDueAt };
    case 'WARNING_DUE':
    case 'WARNED':
      return { step: 'risk-call', dueAt: schedule.riskCallDueAt };
    case 'FINAL_NOTICE':
      return state.deductionDueAt
        ? { step: 'deduction', dueAt: state.deductionDueAt }
        : undefined;
    default:
      return undefined;
  }
}
