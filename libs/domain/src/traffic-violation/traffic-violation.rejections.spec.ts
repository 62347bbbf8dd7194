import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { TrafficViolationCommand } from './traffic-violation.commands';
import {
  ViolationDeductionMismatchError,
  ViolationEntryDayError,
  ViolationPushWindowClosedError,
  ViolationStepNotDueError,
  ViolationTimerStaleError,
} from './traffic-violation.errors';
import {
  CONFIG,
  TICKET_ID,
  command,
  ctx,
  emailed,
  enter,
  entry,
  reached,
  sh,
  tick,
  timer,
} from './traffic-violation.fixtures';
import {
  historiesOf,
  historyOf,
  risk,
  TO_DEDUCTION,
} from './traffic-violation.histories.fixtures';
import { trafficViolationProcess } from './traffic-violation.process';
import type { TrafficViolationStatus } from './traffic-violation.states';

const { given } = deciderSpec(trafficViolationProcess, CONFIG);
const NOW = sh('2026-03-25 10:00');

type Held = keyof typeof historyOf;

interface Case {
  command: TrafficViolationCommand;
  role: RoleId;
  inState: Held;
  wrongRole: RoleId;
  wrongState: Held;
  expected: TrafficViolationStatus[];
}

const CASES: Case[] = [
  {
    command: command('RecordReminderCall', reached),
    role: 'cs-violation-reminder-specialist',
    inState: 'REMINDER_DUE',
    wrongRole: 'cs-online-agent',
    wrongState: 'NOTIFYING',
    expected: ['REMINDER_DUE'],
  },
  {
    command: command('RecordWarningCall', reached),
    role: 'cs-violation-reminder-specialist',
    inState: 'WARNING_DUE',
    wrongRole: 'risk-control-manager',
    wrongState: 'AWAITING_USER',
    expected: ['WARNING_DUE'],
  },
  {
    command: command('RecordRiskControlCall', reached),
    role: 'risk-control-manager',
    inState: 'RISK_CALL_DUE',
    wrongRole: 'cs-violation-reminder-specialist',
    wrongState: 'WARNED',
    expected: ['RISK_CALL_DUE'],
  },
  {
    command: command('RequestDepositDeduction', {}),
    role: 'risk-control-manager',
    inState: 'DEDUCTION_DUE',
    wrongRole: 'finance-manager',
    wrongState: 'FINAL_NOTICE',
    expected: ['DEDUCTION_DUE'],
  },
  {
    command: command('RecordDepositDeducted', { amountFen: 20000 }),
    role: 'finance-manager',
    inState: 'AT_FINANCE',
    wrongRole: 'risk-control-manager',
    wrongState: 'DEDUCTION_DUE',
    expected: ['AT_FINANCE'],
  },
  {
    command: command('HandOffToReceivables', {
      result: 'r',
      receivableCaseId: 'AR-1',
    }),
    role: 'risk-control-manager',
    inState: 'DEDUCTED',
    wrongRole: 'finance-manager',
    wrongState: 'AT_FINANCE',
    expected: ['DEDUCTED'],
  },
  {
    command: command('RecordCollectionResult', {
      collected: true,
      amountFen: 20000,
    }),
    role: 'risk-control-manager',
    inState: 'IN_PERSON_COLLECTION',
    wrongRole: 'finance-manager',
    wrongState: 'DEDUCTION_DUE',
    expected: ['IN_PERSON_COLLECTION'],
  },
  {
    command: tick,
    role: 'system',
    inState: 'NOTIFYING',
    wrongRole: 'cs-online-agent',
    wrongState: 'RISK_CALL_DUE',
    expected: [
      'NOTIFYING',
      'REMINDER_DUE',
      'UNPUSHED_AT_ONLINE',
      'AWAITING_USER',
      'WARNING_DUE',
      'WARNED',
      'FINAL_NOTICE',
    ],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on a case that does not exist', () => {
    given([])
      .when(c.command, ctx(c.role, NOW))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.role, NOW, { subsidiary: 'hz' }))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('to a role that never issues it, naming the permission', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.wrongRole, NOW))
      .thenThrows(RoleNotPermittedError, {
        permission: `traffic-violation:${c.command.type}`,
      });
  });

  it('in a state that does not allow it', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.role, NOW))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
      });
  });
});

describe('entry on the days of 3.1', () => {
  it.each([
    ['Monday', '2026-03-02 09:00', '2026-03-02'],
    ['Thursday', '2026-03-05 17:59', '2026-03-05'],
  ])('is accepted on a %s, and day 0 is that day', (_, at, day) => {
    const [entered] = trafficViolationProcess.decide(
      enter,
      trafficViolationProcess.initialState,
      ctx('subsidiary-violation-specialist', sh(at)),
      CONFIG,
    );
    expect(entered.type).toBe('traffic-violation.violation-entered');
    expect(entered.data).toMatchObject({ schedule: { day0: day } });
    expect(entered.data).not.toHaveProperty('entryOverride');
  });

  it.each([
    ['Tuesday', '2026-03-03 10:00', '2026-03-03'],
    ['Sunday, even a make-up working day', '2026-09-20 10:00', '2026-09-20'],
  ])('is refused on a %s, naming the allowed days', (_, at, day) => {
    given([])
      .when(enter, ctx('subsidiary-violation-specialist', sh(at)))
      .thenThrows(ViolationEntryDayError, {
        code: 'VIOLATION_ENTRY_DAY_NOT_ALLOWED',
        day,
      });
  });

  it('is refused at 00:30 Friday in Shanghai though it is Thursday in UTC', () => {
    given([])
      .when(
        enter,
        ctx('subsidiary-violation-specialist', sh('2026-03-06 00:30')),
      )
      .thenThrows(ViolationEntryDayError, { weekday: 'Friday' });
  });

  it('is accepted off-day from the lead with a reason, and records the override', () => {
    const [entered] = trafficViolationProcess.decide(
      command('EnterViolation', {
        ...entry,
        overrideReason: '周一系统故障补录',
      }),
      trafficViolationProcess.initialState,
      ctx('subsidiary-violation-specialist', sh('2026-03-03 10:00'), {
        id: 'lead-wang',
        lead: true,
      }),
      CONFIG,
    );
    expect(entered.data).toMatchObject({
      entryOverride: { by: 'lead-wang', reason: '周一系统故障补录' },
      schedule: { day0: '2026-03-03' },
    });
  });

  it('needs the lead’s reason off-day', () => {
    const error = given([])
      .when(
        enter,
        ctx('subsidiary-violation-specialist', sh('2026-03-03 10:00'), {
          lead: true,
        }),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual([
      'payload.overrideReason',
    ]);
  });

  it('is refused on a case that exists', () => {
    given(historyOf.NOTIFYING)
      .when(
        enter,
        ctx('subsidiary-violation-specialist', sh('2026-03-05 11:00')),
      )
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('names every failing field', () => {
    const error = given([])
      .when(
        command('EnterViolation', {
          ticketNumber: '',
          memberId: 'M',
          phone: 'no',
          email: 'x',
          violation: {
            plate: ' ',
            occurredAt: '2026-03-06T00:00:00Z',
            location: 'L',
            description: 'D',
            fineFen: -5,
            points: 1.5,
          },
        }),
        ctx('subsidiary-violation-specialist', sh('2026-03-05 10:00')),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual([
      'payload.ticketNumber',
      'payload.phone',
      'payload.email',
      'payload.violation.plate',
      'payload.violation.occurredAt',
      'payload.violation.fineFen',
      'payload.violation.points',
    ]);
  });
});

describe('the timer and the windows', () => {
  it('refuses a timer set for a step the case has passed', () => {
    given(historyOf.AWAITING_USER)
      .when(
        command('RunDueViolationStep', { step: 'sms-1' }),
        timer(sh('2026-03-13 09:00')),
      )
      .thenThrows(ViolationTimerStaleError, {
        step: 'sms-1',
        current: 'warning-call',
        code: 'VIOLATION_TIMER_STALE',
      });
  });

  it('refuses e-mailing in the first days once day 3 has begun', () => {
    given(historyOf.NOTIFYING)
      .when(emailed, ctx('cs-online-agent', sh('2026-03-08 00:00')))
      .thenThrows(ViolationPushWindowClosedError, {
        pushWindowEndsAt: sh('2026-03-08 00:00'),
      });
  });

  it('refuses e-mailing without all three materials', () => {
    const error = given(historyOf.NOTIFYING)
      .when(
        command('RecordMaterialsEmailed', {
          email: 'li@example.com',
          materials: ['violation-notice'],
        }),
        ctx('cs-online-agent', sh('2026-03-06 10:00')),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual(['payload.materials']);
  });
});

describe('money', () => {
  it('refuses a deduction other than the fine risk control asked for', () => {
    given(historyOf.AT_FINANCE)
      .when(
        command('RecordDepositDeducted', { amountFen: 15000 }),
        ctx('finance-manager', NOW),
      )
      .thenThrows(ViolationDeductionMismatchError, {
        requestedFen: 20000,
        deductedFen: 15000,
      });
  });

  it('refuses a deduction before its day after a visit begun early collected nothing', () => {
    // Risk control called on 17 March; the deduction day is 20 March.
    const visitedEarly = historiesOf([
      ...TO_DEDUCTION.slice(0, 11),
      [
        command('StartInPersonCollection', { reason: '金额较大' }),
        risk('2026-03-18 10:00'),
      ],
      [
        command('RecordCollectionResult', { collected: false }),
        risk('2026-03-18 15:00'),
      ],
    ]).DEDUCTION_DUE;
    expect(visitedEarly).toBeDefined();
    given(visitedEarly!)
      .when(
        command('RequestDepositDeduction', {}),
        ctx('risk-control-manager', sh('2026-03-19 10:00')),
      )
      .thenThrows(ViolationStepNotDueError, {
        step: 'deduction',
        dueAt: sh('2026-03-20 09:00'),
      });
    const onTheDay = given(visitedEarly!)
      .when(
        command('RequestDepositDeduction', {}),
        ctx('risk-control-manager', sh('2026-03-20 09:00')),
      )
      .then([
        {
          type: 'traffic-violation.deposit-deduction-requested',
          schemaVersion: 1,
          data: { fineFen: 20000 },
        },
      ]);
    expect(onTheDay.status).toBe('AT_FINANCE');
  });

  it('refuses a collection without an amount, or with one when nothing came', () => {
    for (const payload of [
      { collected: true },
      { collected: false, amountFen: 5 },
    ]) {
      const error = given(historyOf.IN_PERSON_COLLECTION)
        .when(
          command('RecordCollectionResult', payload),
          ctx('risk-control-manager', NOW),
        )
        .thenThrows(InvalidCommandDataError);
      expect(error.fields.map((f) => f.field)).toEqual(['payload.amountFen']);
    }
  });

  it('refuses a case handled with no evidence', () => {
    const error = given(historyOf.WARNED)
      .when(
        command('RecordViolationHandled', { evidence: '' }),
        ctx('cs-online-agent', NOW),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual(['payload.evidence']);
  });

  it('refuses the user’s handling once finance holds the deposit', () => {
    given(historyOf.AT_FINANCE)
      .when(
        command('RecordViolationHandled', { evidence: '已处理' }),
        ctx('risk-control-manager', NOW),
      )
      .thenThrows(TicketNotInStateError, { state: 'AT_FINANCE' });
  });
});
