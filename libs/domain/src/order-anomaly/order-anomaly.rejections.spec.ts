import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { OrderAnomalyCommand } from './order-anomaly.commands';
import {
  SettlementAmountMismatchError,
  TechFindingAlreadyRecordedError,
} from './order-anomaly.errors';
import {
  TICKET_ID,
  command,
  ctx,
  events,
  historyOf,
  NOW,
  payloads,
} from './order-anomaly.fixtures';
import { orderAnomalyProcess } from './order-anomaly.process';
import type { OrderAnomalyStatus } from './order-anomaly.states';

const { given } = deciderSpec(orderAnomalyProcess, undefined);

interface Case {
  command: OrderAnomalyCommand;
  role: RoleId;
  inState: Exclude<OrderAnomalyStatus, 'NEW'>;
  wrongRole: RoleId;
  wrongState: Exclude<OrderAnomalyStatus, 'NEW'>;
  expected: OrderAnomalyStatus[];
}

const CASES: Case[] = [
  {
    command: command('ReviewTrajectory', payloads.review),
    role: 'cs-phone-agent',
    inState: 'REPORTED',
    wrongRole: 'tech-manager',
    wrongState: 'USAGE_DETERMINED',
    expected: ['REPORTED'],
  },
  {
    command: command('RecordRestoreResult', payloads.restored),
    role: 'cs-phone-agent',
    inState: 'USAGE_DETERMINED',
    wrongRole: 'finance-manager',
    wrongState: 'REPORTED',
    expected: ['USAGE_DETERMINED'],
  },
  {
    command: command('RequestECoinTopUp', payloads.topUp),
    role: 'cs-phone-agent',
    inState: 'MANUAL_SETTLEMENT',
    wrongRole: 'tech-manager',
    wrongState: 'CLOSED_PAID_IN_APP',
    expected: ['MANUAL_SETTLEMENT'],
  },
  {
    command: command('SettleWithECoin', payloads.settle),
    role: 'cs-phone-agent',
    inState: 'AWAITING_TOPUP',
    wrongRole: 'tech-manager',
    wrongState: 'MANUAL_SETTLEMENT',
    expected: ['AWAITING_TOPUP'],
  },
  {
    command: command('RecordTechFinding', payloads.finding),
    role: 'tech-manager',
    inState: 'AWAITING_TECH_FINDING',
    wrongRole: 'cs-phone-agent',
    wrongState: 'CLOSED_PAID_IN_APP',
    expected: ['MANUAL_SETTLEMENT', 'AWAITING_TOPUP', 'AWAITING_TECH_FINDING'],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on a ticket that does not exist', () => {
    given([])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary, so the id leaks nothing', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.role, { subsidiary: 'hz' }))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('to a role that never issues it, naming the permission', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(RoleNotPermittedError, {
        role: c.wrongRole,
        allowed: [c.role],
        permission: `order-anomaly:${c.command.type}`,
      });
  });

  it('in a state that does not allow it, naming the states that do', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
        command: c.command.type,
      });
  });
});

describe('an intake of a ticket that exists', () => {
  it('is refused as already existing', () => {
    given(historyOf.REPORTED)
      .when(
        command('ReportOrderAnomaly', payloads.report),
        ctx('cs-phone-agent'),
      )
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('is refused to technical management', () => {
    given([])
      .when(command('ReportOrderAnomaly', payloads.report), ctx('tech-manager'))
      .thenThrows(RoleNotPermittedError, { allowed: ['cs-phone-agent'] });
  });
});

describe('a command the process does not have', () => {
  it('is refused as invalid data naming the type', () => {
    given(historyOf.REPORTED)
      .when(
        {
          type: 'CloseEverything',
          ticketId: TICKET_ID,
          payload: {},
        } as unknown as OrderAnomalyCommand,
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError, { command: 'CloseEverything' });
  });
});

function fieldsOf(error: InvalidCommandDataError): string[] {
  return error.fields.map((f) => f.field);
}

describe('invalid data', () => {
  it('lists every failing field of an intake at once', () => {
    const error = given([])
      .when(
        command('ReportOrderAnomaly', {
          ticketNumber: '',
          orderId: ' ',
          memberId: 7,
          vehicleId: undefined,
          caller: { phone: 'call me', name: 3 },
          callTime: '2026-02-30T10:00:00Z',
          description: '',
        } as never),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);

    expect(fieldsOf(error)).toEqual([
      'payload.ticketNumber',
      'payload.orderId',
      'payload.memberId',
      'payload.vehicleId',
      'payload.description',
      'payload.caller.phone',
      'payload.caller.name',
      'payload.callTime',
    ]);
  });

  it('refuses a call time after the decision', () => {
    const error = given([])
      .when(
        command('ReportOrderAnomaly', {
          ...payloads.report,
          callTime: '2026-03-02T06:00:01.000Z',
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.callTime']);
  });

  it('refuses a payload that is not an object', () => {
    const error = given(historyOf.REPORTED)
      .when(command('ReviewTrajectory', null as never), ctx('cs-phone-agent'))
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload']);
  });

  it.each([
    [
      'an end before the start',
      {
        usageStartedAt: '2026-03-02T04:05:00Z',
        usageEndedAt: '2026-03-02T03:10:00Z',
      },
      ['payload.usageEndedAt'],
    ],
    [
      'an end equal to the start',
      {
        usageStartedAt: '2026-03-02T04:05:00Z',
        usageEndedAt: '2026-03-02T04:05:00Z',
      },
      ['payload.usageEndedAt'],
    ],
    [
      'an end after the decision',
      {
        usageStartedAt: '2026-03-02T04:05:00Z',
        usageEndedAt: '2026-03-02T07:00:00Z',
      },
      ['payload.usageEndedAt'],
    ],
    [
      'times without a zone',
      { usageStartedAt: '2026-03-02 04:05', usageEndedAt: 'later' },
      ['payload.usageStartedAt', 'payload.usageEndedAt'],
    ],
  ])('refuses a trip record with %s', (_, review, fields) => {
    const error = given(historyOf.REPORTED)
      .when(command('ReviewTrajectory', review), ctx('cs-phone-agent'))
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(fields);
  });

  it.each([
    [{ restored: 'yes' }, ['payload.restored']],
    [{ restored: false }, ['payload.reason', 'payload.techSummary']],
    [{ restored: true, note: 5 }, ['payload.note']],
  ])('refuses a restore result %j', (payload, fields) => {
    const error = given(historyOf.USAGE_DETERMINED)
      .when(
        command('RecordRestoreResult', payload as never),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(fields);
  });

  it.each([0, -100, 12.5, '2750'])('refuses a top-up of %j fen', (fee) => {
    const error = given(historyOf.MANUAL_SETTLEMENT)
      .when(
        command('RequestECoinTopUp', { orderFeeFen: fee as number }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.orderFeeFen']);
  });

  it('refuses a settlement without an amount or a contact outcome', () => {
    const error = given(historyOf.AWAITING_TOPUP)
      .when(
        command('SettleWithECoin', { contactOutcome: 'maybe' } as never),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual([
      'payload.eCoinFen',
      'payload.contactOutcome',
    ]);
  });

  it('refuses a finding without text or a fixed flag', () => {
    const error = given(historyOf.AWAITING_TECH_FINDING)
      .when(
        command('RecordTechFinding', { finding: '' } as never),
        ctx('tech-manager'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.finding', 'payload.fixed']);
  });
});

describe('the process’s own rules', () => {
  it('refuses a deduction other than the fee the user topped up for', () => {
    given(historyOf.AWAITING_TOPUP)
      .when(
        command('SettleWithECoin', { ...payloads.settle, eCoinFen: 2000 }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(SettlementAmountMismatchError, {
        ticketId: TICKET_ID,
        requestedFen: 2750,
        deductedFen: 2000,
        code: 'SETTLEMENT_AMOUNT_MISMATCH',
      });
  });

  it('refuses a second technical finding', () => {
    given([...historyOf.AWAITING_TOPUP, events.finding])
      .when(command('RecordTechFinding', payloads.finding), ctx('tech-manager'))
      .thenThrows(TechFindingAlreadyRecordedError, {
        ticketId: TICKET_ID,
        code: 'TECH_FINDING_ALREADY_RECORDED',
      });
  });

  it('decides at the instant it is given', () => {
    // A guard against a decider that reads the machine's clock.
    const state = given(historyOf.AWAITING_TOPUP)
      .when(
        command('SettleWithECoin', payloads.settle),
        ctx('cs-phone-agent', {}, '2027-01-01T00:00:00.000Z'),
      )
      .then([
        events.deducted,
        {
          ...events.settled,
          data: {
            ...events.settled.data,
            settledAt: '2027-01-01T00:00:00.000Z',
          },
        },
        events.notified,
      ]);
    expect(state.settledAt).not.toBe(NOW);
  });
});
