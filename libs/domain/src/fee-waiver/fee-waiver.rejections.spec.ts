import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { FeeWaiverCommand } from './fee-waiver.commands';
import {
  RequesterCannotApproveError,
  WaiverCaseNotInTableError,
} from './fee-waiver.errors';
import {
  TICKET_ID,
  command,
  ctx,
  events,
  historyOf,
  request,
} from './fee-waiver.fixtures';
import { feeWaiverProcess } from './fee-waiver.process';
import { P17_WAIVER_TABLE } from './fee-waiver.rule-table';
import type { FeeWaiverStatus } from './fee-waiver.states';

const { given } = deciderSpec(feeWaiverProcess, undefined);

type Open = Exclude<FeeWaiverStatus, 'NEW'>;

interface Case {
  command: FeeWaiverCommand;
  role: RoleId;
  inState: Open;
  wrongRole: RoleId;
  wrongState: Open;
  expected: FeeWaiverStatus[];
}

const approve = command('ApproveDiscretionaryWaiver', {
  approvedWaiverFen: 1200,
});
const reject = command('RejectDiscretionaryWaiver', { reason: '不予减免' });
const apply = command('ApplyWaiver', {
  billingReference: 'BILL-ADJ-1',
  contactOutcome: 'reached',
});

const CASES: Case[] = [
  {
    command: approve,
    role: 'cs-supervisor',
    inState: 'AWAITING_APPROVAL',
    wrongRole: 'cs-phone-agent',
    wrongState: 'WAIVER_GRANTED',
    expected: ['AWAITING_APPROVAL'],
  },
  {
    command: reject,
    role: 'cs-supervisor',
    inState: 'AWAITING_APPROVAL',
    wrongRole: 'finance-manager',
    wrongState: 'CLOSED_NOT_WAIVED',
    expected: ['AWAITING_APPROVAL'],
  },
  {
    command: apply,
    role: 'cs-phone-agent',
    inState: 'WAIVER_GRANTED',
    wrongRole: 'cs-supervisor',
    wrongState: 'AWAITING_APPROVAL',
    expected: ['WAIVER_GRANTED'],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on a request that does not exist', () => {
    given([])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary', () => {
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
        permission: `fee-waiver:${c.command.type}`,
      });
  });

  it('in a state that does not allow it', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
      });
  });
});

describe('a second request under the same ticket', () => {
  it('is refused as already existing', () => {
    given(historyOf.CLOSED_WAIVED)
      .when(request('guard-blocks-exit'), ctx('cs-phone-agent'))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });
});

describe('a request by anyone but the phone agent', () => {
  it('is refused, even from the supervisor', () => {
    given([])
      .when(request('guard-blocks-exit'), ctx('cs-supervisor'))
      .thenThrows(RoleNotPermittedError, { allowed: ['cs-phone-agent'] });
  });
});

function fieldsOf(error: InvalidCommandDataError): string[] {
  return error.fields.map((f) => f.field);
}

describe('a request with invalid data', () => {
  it('names every failing field at once', () => {
    const error = given([])
      .when(
        request('guard-blocks-exit', {
          ticketNumber: '',
          orderId: ' ',
          memberId: undefined as never,
          caller: { phone: '12' },
          callTime: '2026-03-02T07:00:00Z',
          orderFeeFen: 0,
          reason: 7 as never,
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual([
      'payload.ticketNumber',
      'payload.orderId',
      'payload.memberId',
      'payload.caller.phone',
      'payload.callTime',
      'payload.orderFeeFen',
      'payload.reason',
    ]);
  });

  it('refuses a case the table in force does not have, naming its cases', () => {
    given([])
      .when(request('alien-abduction'), ctx('cs-phone-agent'))
      .thenThrows(WaiverCaseNotInTableError, {
        caseCode: 'alien-abduction',
        tableVersion: 'P17-V1.2',
        knownCaseCodes: P17_WAIVER_TABLE.rows.map((r) => r.caseCode),
        code: 'WAIVER_CASE_NOT_IN_TABLE',
      });
  });

  it.each([
    ['cannot-start-at-station', {}, ['payload.vehicleUsed']],
    ['cannot-start-at-station', { vehicleUsed: 'no' }, ['payload.vehicleUsed']],
    ['cannot-start-en-route', {}, ['payload.feeUntilCallFen']],
    [
      'cannot-start-en-route',
      { feeUntilCallFen: 5000 },
      ['payload.feeUntilCallFen'],
    ],
    ['no-space-move-car', { feeUntilCallFen: 100 }, ['payload.carMovedAt']],
    [
      'no-space-move-car',
      { feeUntilCallFen: 100, carMovedAt: '2026-03-02T05:19:59Z' },
      ['payload.carMovedAt'],
    ],
    [
      'no-space-move-car',
      { feeUntilCallFen: 100, carMovedAt: '2026-03-02T06:00:01Z' },
      ['payload.carMovedAt'],
    ],
    ['lost-belongings', {}, ['payload.proposedWaiverFen', 'payload.reason']],
    [
      'lost-belongings',
      { proposedWaiverFen: 4801, reason: '多次来电' },
      ['payload.proposedWaiverFen'],
    ],
    [
      'lost-belongings',
      { proposedWaiverFen: 0, reason: ' ' },
      ['payload.proposedWaiverFen', 'payload.reason'],
    ],
  ])(
    'refuses a %s request with %j, naming what the row needs',
    (caseCode, inputs, fields) => {
      const error = given([])
        .when(request(caseCode, inputs as never), ctx('cs-phone-agent'))
        .thenThrows(InvalidCommandDataError);
      expect(fieldsOf(error)).toEqual(fields);
    },
  );
});

describe('the supervisor’s and the agent’s data', () => {
  it('refuses approving more than the order fee', () => {
    const error = given(historyOf.AWAITING_APPROVAL)
      .when(
        command('ApproveDiscretionaryWaiver', { approvedWaiverFen: 4801 }),
        ctx('cs-supervisor'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.approvedWaiverFen']);
  });

  it('refuses a rejection without a reason', () => {
    const error = given(historyOf.AWAITING_APPROVAL)
      .when(
        command('RejectDiscretionaryWaiver', { reason: '' }),
        ctx('cs-supervisor'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.reason']);
  });

  it('refuses applying without a billing reference or contact outcome', () => {
    const error = given(historyOf.WAIVER_GRANTED)
      .when(
        command('ApplyWaiver', { contactOutcome: 'later' } as never),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual([
      'payload.billingReference',
      'payload.contactOutcome',
    ]);
  });
});

describe('a discretionary waiver’s approval (four eyes)', () => {
  it('is refused to the person who took the request, though they hold the approver’s role', () => {
    given(historyOf.AWAITING_APPROVAL)
      .when(approve, ctx('cs-supervisor', { id: 'cs-phone-agent-1' }))
      .thenThrows(RequesterCannotApproveError, {
        code: 'REQUESTER_CANNOT_APPROVE',
        httpStatus: 403,
        actorId: 'cs-phone-agent-1',
      });
  });

  it('is taken from anyone else', () => {
    const state = given(historyOf.AWAITING_APPROVAL)
      .when(approve, ctx('cs-supervisor'))
      .then([events.approved]);
    expect(state.status).toBe('WAIVER_GRANTED');
  });
});
