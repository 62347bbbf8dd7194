import type { DecisionContext } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { TrafficViolationCommand } from './traffic-violation.commands';
import { ViolationStepNotDueError } from './traffic-violation.errors';
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
import type { TrafficViolationState } from './traffic-violation.state';

const { given } = deciderSpec(trafficViolationProcess, CONFIG);

const ms = (iso: string, delta: number) =>
  new Date(Date.parse(iso) + delta).toISOString();

/**
 * A case on a controlled clock: each command is decided at a chosen
 * instant and its events kept, as a worker would append them.
 */
class Case {
  readonly events: TrafficViolationEvent[] = [];

  get state(): TrafficViolationState {
    return given(this.events).state;
  }

  run(cmd: TrafficViolationCommand, context: DecisionContext) {
    const decided = trafficViolationProcess.decide(
      cmd,
      this.state,
      context,
      CONFIG,
    );
    this.events.push(...decided);
    return decided.map((e) => e.type.replace('traffic-violation.', ''));
  }

  /** The timer a moment early is refused naming when the step is due. */
  notYet(at: string, step: string) {
    given(this.events)
      .when(tick, timer(ms(at, -1)))
      .thenThrows(ViolationStepNotDueError, { step, dueAt: at });
  }
}

describe('a violation entered on Thursday 24 September 2026, across 中秋 and 国庆', () => {
  const c = new Case();

  it('is entered on the Thursday and sends the day-0 SMS at once', () => {
    expect(
      c.run(
        enter,
        ctx('subsidiary-violation-specialist', sh('2026-09-24 11:00')),
      ),
    ).toEqual(['violation-entered']);
    expect(c.run(tick, timer(sh('2026-09-24 11:00')))).toEqual(['sms-sent']);
  });

  it('sends the day-1 and day-2 SMS at 09:00 on the holidays, not before', () => {
    c.notYet(sh('2026-09-25 09:00'), 'sms-1');
    expect(c.run(tick, timer(sh('2026-09-25 09:00')))).toEqual(['sms-sent']);
    c.notYet(sh('2026-09-26 09:00'), 'sms-2');
    expect(c.run(tick, timer(sh('2026-09-26 09:00')))).toEqual(['sms-sent']);
    expect(c.state.smsSent).toBe(3);
  });

  it('sends the user to the reminder specialist on day 3 when nothing was e-mailed', () => {
    c.notYet(sh('2026-09-27 09:00'), 'first-days-end');
    expect(c.run(tick, timer(sh('2026-09-27 09:00')))).toEqual([
      'first-days-ended',
    ]);
    expect(c.state.status).toBe('REMINDER_DUE');
    expect(
      c.run(
        command('RecordReminderCall', reached),
        ctx('cs-violation-reminder-specialist', sh('2026-09-27 10:00')),
      ),
    ).toEqual(['reminder-call-made', 'unpushed-list-handed-to-online']);
    expect(
      c.run(emailed, ctx('cs-online-agent', sh('2026-09-27 11:00'))),
    ).toEqual(['materials-emailed']);
    expect(c.state.status).toBe('AWAITING_USER');
  });

  it('makes the warning call due on day 8, 2 October, a holiday', () => {
    c.notYet(sh('2026-10-02 09:00'), 'warning-call');
    expect(c.run(tick, timer(sh('2026-10-02 09:00')))).toEqual([
      'warning-call-due',
    ]);
    expect(c.events.at(-1)?.data).toEqual({ day: 8 });
    c.run(
      command('RecordWarningCall', reached),
      ctx('cs-violation-reminder-specialist', sh('2026-10-02 09:30')),
    );
  });

  it('makes risk control’s call due on 8 October, day 14: day 12 was a holiday', () => {
    c.notYet(sh('2026-10-08 09:00'), 'risk-call');
    expect(c.run(tick, timer(sh('2026-10-08 09:00')))).toEqual([
      'risk-call-due',
    ]);
    expect(c.events.at(-1)?.data).toEqual({ day: 14 });
    c.run(
      command('RecordRiskControlCall', reached),
      ctx('risk-control-manager', sh('2026-10-08 10:00')),
    );
    expect(c.state).toMatchObject({
      status: 'FINAL_NOTICE',
      deductionDay: '2026-10-12',
    });
  });

  it('deducts on Monday 12 October, the first working day three days later', () => {
    c.notYet(sh('2026-10-12 09:00'), 'deduction');
    expect(c.run(tick, timer(sh('2026-10-12 09:00')))).toEqual([
      'deduction-due',
    ]);
    c.run(
      command('RequestDepositDeduction', {}),
      ctx('risk-control-manager', sh('2026-10-12 09:30')),
    );
    expect(
      c.run(
        command('RecordDepositDeducted', { amountFen: 20000 }),
        ctx('finance-manager', sh('2026-10-12 14:00')),
      ),
    ).toEqual(['deposit-frozen', 'fine-deducted-as-penalty']);
    expect(
      c.run(
        command('HandOffToReceivables', {
          result: '已扣押金200元',
          receivableCaseId: 'AR-2026-0091',
        }),
        ctx('risk-control-manager', sh('2026-10-12 15:00')),
      ),
    ).toEqual(['result-notified-to-centre', 'handed-to-receivables']);
    expect(trafficViolationProcess.isTerminal(c.state)).toBe(true);
  });
});

describe('a case whose user called in the first three days', () => {
  it('skips the reminder and waits for day 8 once the materials are e-mailed', () => {
    const c = new Case();
    c.run(
      enter,
      ctx('subsidiary-violation-specialist', sh('2026-03-05 10:30')),
    );
    c.run(
      command('RouteCallerToOnline', {}),
      ctx('cs-phone-agent', sh('2026-03-06 10:00')),
    );
    expect(
      c.run(emailed, ctx('cs-online-agent', sh('2026-03-07 23:59'))),
    ).toEqual(['materials-emailed']);
    expect(c.state.status).toBe('NOTIFYING');
    for (const at of [
      '2026-03-05 10:30',
      '2026-03-06 09:00',
      '2026-03-07 09:00',
    ]) {
      c.run(tick, timer(sh(at)));
    }
    c.run(tick, timer(sh('2026-03-08 09:00')));
    expect(c.state.status).toBe('AWAITING_USER');
  });
});

describe('a timer that fires late', () => {
  it('runs the steps one at a time, oldest first', () => {
    const c = new Case();
    c.run(
      enter,
      ctx('subsidiary-violation-specialist', sh('2026-03-05 10:30')),
    );
    // The timers were down until day 9.
    const day9 = sh('2026-03-14 12:00');
    const steps: string[] = [];
    for (let i = 0; i < 5; i++) steps.push(...c.run(tick, timer(day9)));
    expect(steps).toEqual([
      'sms-sent',
      'sms-sent',
      'sms-sent',
      'first-days-ended',
      'warning-call-due',
    ]);
    expect(c.events.at(-1)?.data).toEqual({ day: 9 });
  });
});

describe('a user who handles the violation', () => {
  it('ends the case, and no timer runs after it', () => {
    const c = new Case();
    c.run(
      enter,
      ctx('subsidiary-violation-specialist', sh('2026-03-05 10:30')),
    );
    c.run(
      command('RecordViolationHandled', { evidence: '交管12123显示已处理' }),
      ctx('subsidiary-violation-specialist', sh('2026-03-09 10:00')),
    );
    expect(c.state.status).toBe('HANDLED_BY_USER');
    expect(() =>
      trafficViolationProcess.decide(
        tick,
        c.state,
        timer(sh('2026-03-13 09:00')),
        CONFIG,
      ),
    ).toThrow(expect.objectContaining({ code: 'TICKET_NOT_IN_STATE' }));
  });
});
