import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { CentreEmergencyCommand } from './centre-emergency.commands';
import {
  EmergencyNotReadyToCloseError,
  EmergencyRecordAlreadyDoneError,
  EmergencyRecordNotFoundError,
  LinkedTicketNotFoundError,
  NotANonWorkingDayError,
  TicketLinkStateError,
  WrongFaultTypeError,
} from './centre-emergency.errors';
import {
  command,
  CONFIG,
  ctx,
  events,
  historyOf,
  OTHER_TICKET_ID,
  payloads,
  TICKET_ID,
} from './centre-emergency.fixtures';
import { centreEmergencyProcess } from './centre-emergency.process';
import type { CentreEmergencyStatus } from './centre-emergency.states';

const { given } = deciderSpec(centreEmergencyProcess, CONFIG);
const app = historyOf('app');
const backoffice = historyOf('backoffice-network-power');
const hotline = historyOf('hotline-400-or-udesk');

interface Case {
  command: CentreEmergencyCommand;
  role: RoleId;
  inState: Exclude<CentreEmergencyStatus, 'NEW'>;
  wrongRole: RoleId;
  allowed: RoleId[];
  wrongState: Exclude<CentreEmergencyStatus, 'NEW'>;
  expected: CentreEmergencyStatus[];
}

const OPEN = ['UNANNOUNCED', 'ETA_CONFIRMED', 'DEGRADED_OPERATION'];

const CASES: Case[] = [
  {
    command: command('ActivateEmergencyMechanism', payloads.mechanism),
    role: 'cs-manager-outsourcer',
    inState: 'PRE_ANNOUNCED',
    wrongRole: 'cs-supervisor',
    allowed: ['cs-manager-outsourcer'],
    wrongState: 'UNANNOUNCED',
    expected: ['PRE_ANNOUNCED'],
  },
  {
    command: command('ConfirmRepairEta', payloads.eta),
    role: 'cs-manager-outsourcer',
    inState: 'UNANNOUNCED',
    wrongRole: 'tech-manager',
    allowed: ['cs-manager-outsourcer'],
    wrongState: 'PRE_ANNOUNCED',
    expected: ['UNANNOUNCED'],
  },
  {
    command: command('MobiliseAllHands', payloads.allHands),
    role: 'cs-shift-leader',
    inState: 'ETA_CONFIRMED',
    wrongRole: 'cs-phone-agent',
    allowed: ['cs-shift-leader', 'cs-supervisor'],
    wrongState: 'UNANNOUNCED',
    expected: ['ETA_CONFIRMED'],
  },
  {
    command: command('ResolveFault', payloads.resolve),
    role: 'tech-manager',
    inState: 'DEGRADED_OPERATION',
    wrongRole: 'cs-supervisor',
    allowed: ['tech-manager'],
    wrongState: 'ETA_CONFIRMED',
    expected: ['DEGRADED_OPERATION'],
  },
  {
    command: command('CloseEmergency', payloads.close),
    role: 'cs-supervisor',
    inState: 'RECOVERING',
    wrongRole: 'cs-phone-agent',
    allowed: ['cs-supervisor', 'cs-manager-outsourcer'],
    wrongState: 'DEGRADED_OPERATION',
    expected: ['RECOVERING'],
  },
  {
    command: command('LendOnlineStaff', payloads.lend),
    role: 'cs-online-agent',
    inState: 'DEGRADED_OPERATION',
    wrongRole: 'tech-manager',
    allowed: ['cs-online-agent', 'cs-supervisor'],
    wrongState: 'UNANNOUNCED',
    expected: ['ETA_CONFIRMED', 'DEGRADED_OPERATION'],
  },
  {
    command: command('DeploySupportStaff', payloads.staff),
    role: 'cs-supervisor',
    inState: 'DEGRADED_OPERATION',
    wrongRole: 'cs-phone-agent',
    allowed: ['cs-supervisor'],
    wrongState: 'RECOVERING',
    expected: OPEN as CentreEmergencyStatus[],
  },
  {
    command: command('CallNextShiftEarly', payloads.staff),
    role: 'cs-shift-leader',
    inState: 'UNANNOUNCED',
    wrongRole: 'cs-online-agent',
    allowed: ['cs-shift-leader'],
    wrongState: 'CLOSED_RESOLVED',
    expected: OPEN as CentreEmergencyStatus[],
  },
  {
    command: command('ReportToCsManagerOffDay', payloads.offDay),
    role: 'cs-shift-leader',
    inState: 'UNANNOUNCED',
    wrongRole: 'cs-phone-agent',
    allowed: ['cs-shift-leader'],
    wrongState: 'PRE_ANNOUNCED',
    expected: OPEN as CentreEmergencyStatus[],
  },
  {
    command: command('RecordDeferredRequestsHandled', payloads.deferred),
    role: 'cs-phone-agent',
    inState: 'RECOVERING',
    wrongRole: 'tech-manager',
    allowed: ['cs-phone-agent'],
    wrongState: 'DEGRADED_OPERATION',
    expected: ['RECOVERING'],
  },
  {
    command: command('UnlinkTicket', payloads.unlink),
    role: 'cs-phone-agent',
    inState: 'UNANNOUNCED',
    wrongRole: 'finance-manager',
    allowed: [
      'cs-phone-agent',
      'cs-online-agent',
      'cs-shift-leader',
      'cs-supervisor',
      'cs-manager-outsourcer',
      'tech-manager',
      'hq-cs-manager',
    ],
    wrongState: 'CLOSED_RESOLVED',
    expected: [
      'PRE_ANNOUNCED',
      'UNANNOUNCED',
      'ETA_CONFIRMED',
      'DEGRADED_OPERATION',
      'RECOVERING',
    ],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on an emergency that does not exist', () => {
    given([])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary, so the id leaks nothing', () => {
    given(app[c.inState])
      .when(c.command, ctx(c.role, { subsidiary: 'hz' }))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('to a role that never issues it, naming the permission', () => {
    given(app[c.inState])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(RoleNotPermittedError, {
        role: c.wrongRole,
        allowed: c.allowed,
        permission: `centre-emergency:${c.command.type}`,
      });
  });

  it('in a state that does not allow it, naming the states that do', () => {
    given(app[c.wrongState])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
        command: c.command.type,
      });
  });
});

describe('logging a fault', () => {
  it('is refused on an emergency that exists', () => {
    given(app.UNANNOUNCED)
      .when(command('LogFault', payloads.log('app')), ctx('cs-phone-agent'))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('is refused to technical management', () => {
    given([])
      .when(command('LogFault', payloads.log('app')), ctx('tech-manager'))
      .thenThrows(RoleNotPermittedError, { role: 'tech-manager' });
  });

  it('is refused naming every failing field', () => {
    const error = given([])
      .when(
        command('LogFault', {
          ticketNumber: 'CE-1',
          faultType: 'elevator' as never,
          advanceNotice: 'yes' as never,
          detectedAt: '2026-10-11T00:00:00Z',
          description: ' ',
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields.map((f) => f.field)).toEqual([
      'payload.faultType',
      'payload.advanceNotice',
      'payload.detectedAt',
      'payload.description',
    ]);
  });
});

describe('the estimate and the staffing', () => {
  it('refuses an estimate before the fault was detected', () => {
    const error = given(app.UNANNOUNCED)
      .when(
        command('ConfirmRepairEta', {
          eta: '2026-10-09T00:00:00Z',
          techContact: '王工',
        }),
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields).toEqual([
      {
        field: 'payload.eta',
        message: 'must not be before the fault was detected',
      },
    ]);
  });

  it('refuses an empty or repeating list of staff', () => {
    for (const staff of [[], ['陈', '陈'], [' ']]) {
      given(app.ETA_CONFIRMED)
        .when(command('MobiliseAllHands', { staff }), ctx('cs-shift-leader'))
        .thenThrows(InvalidCommandDataError);
    }
  });

  it('refuses to designate anything but two managers', () => {
    given(backoffice.DEGRADED_OPERATION)
      .when(
        command('DesignateManagers', { managers: ['周'] }),
        ctx('cs-supervisor'),
      )
      .thenThrows(InvalidCommandDataError);
  });
});

describe('a step of another scenario', () => {
  it.each([
    ['DesignateManagers', payloads.managers, 'backoffice-network-power'],
    [
      'RecordHandwrittenRequest',
      payloads.handwritten,
      'backoffice-network-power',
    ],
    ['ReportToTianrun', payloads.tianrun, 'hotline-400-or-udesk'],
    ['RecordMissedCall', payloads.missedCall, 'hotline-400-or-udesk'],
  ] as const)('%s is refused on an app fault', (type, payload, expected) => {
    const role =
      type === 'RecordMissedCall' || type === 'RecordHandwrittenRequest'
        ? 'cs-phone-agent'
        : 'cs-supervisor';
    given(app.DEGRADED_OPERATION)
      .when(
        { type, ticketId: TICKET_ID, payload } as CentreEmergencyCommand,
        ctx(role),
      )
      .thenThrows(WrongFaultTypeError, {
        faultType: 'app',
        expected,
        command: type,
      });
  });
});

describe('a record entered after the fix', () => {
  // The fix was decided at NOW (12:00 in Shanghai).
  const later = '2026-10-10T04:30:00.000Z';

  it('is refused for a request that came in after the fix, naming the field', () => {
    const error = given(historyOf('backoffice-network-power').RECOVERING)
      .when(
        command('RecordHandwrittenRequest', {
          ...payloads.handwritten,
          receivedAt: later,
        }),
        ctx('cs-phone-agent', {}, '2026-10-10T05:00:00.000Z'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields).toEqual([
      {
        field: 'payload.receivedAt',
        message: 'must not be after the fault was fixed',
      },
    ]);
  });

  it('is refused for a call that came in after the fix, naming the field', () => {
    const error = given(historyOf('hotline-400-or-udesk').RECOVERING)
      .when(
        command('RecordMissedCall', {
          ...payloads.missedCall,
          calledAt: later,
        }),
        ctx('cs-online-agent', {}, '2026-10-10T05:00:00.000Z'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields).toEqual([
      {
        field: 'payload.calledAt',
        message: 'must not be after the fault was fixed',
      },
    ]);
  });
});

describe('the shift leader’s report to the CS manager (3.3)', () => {
  it('is refused for a fault on a make-up working day (Saturday 10 October 2026)', () => {
    given(app.UNANNOUNCED)
      .when(
        command('ReportToCsManagerOffDay', payloads.offDay),
        ctx('cs-shift-leader'),
      )
      .thenThrows(NotANonWorkingDayError, { day: '2026-10-10' });
  });
});

describe('closing', () => {
  it('is refused on an app fault whose held-over requests are not handled', () => {
    given(app.RECOVERING)
      .when(command('CloseEmergency', payloads.close), ctx('cs-supervisor'))
      .thenThrows(EmergencyNotReadyToCloseError, {
        pending: {
          missingSteps: ['deferred-requests-processed'],
          pendingEntries: [],
          pendingCalls: [],
        },
      });
  });

  it('is refused while a hand-written request is not a task, or no managers were named', () => {
    given([...backoffice.RECOVERING, events.handwritten])
      .when(command('CloseEmergency', payloads.close), ctx('cs-supervisor'))
      .thenThrows(EmergencyNotReadyToCloseError, {
        pending: {
          missingSteps: ['two-managers-designated'],
          pendingEntries: ['H1'],
          pendingCalls: [],
        },
      });
  });

  it('is refused while a missed call is not called back, or 天润 was not told', () => {
    given([...hotline.RECOVERING, events.missedCall])
      .when(command('CloseEmergency', payloads.close), ctx('cs-supervisor'))
      .thenThrows(EmergencyNotReadyToCloseError, {
        pending: {
          missingSteps: ['tianrun-repair-reported'],
          pendingEntries: [],
          pendingCalls: ['M1'],
        },
      });
  });
});

describe('the follow-up of the records', () => {
  const withEntry = [
    ...backoffice.DEGRADED_OPERATION,
    events.handwritten,
    events.resolved,
  ];
  const withCall = [
    ...hotline.DEGRADED_OPERATION,
    events.missedCall,
    events.resolved,
  ];

  it('refuses to back-fill an entry the emergency does not have', () => {
    given(withEntry)
      .when(
        command('BackfillTask', { ...payloads.backfill, entryId: 'H9' }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(EmergencyRecordNotFoundError, {
        kind: 'handwritten-entry',
        recordId: 'H9',
      });
  });

  it('refuses to back-fill an entry twice', () => {
    given([...withEntry, events.backfilled])
      .when(command('BackfillTask', payloads.backfill), ctx('cs-phone-agent'))
      .thenThrows(EmergencyRecordAlreadyDoneError, {
        kind: 'handwritten-entry',
        recordId: 'H1',
      });
  });

  it('refuses a task that names a ticket the runtime did not find', () => {
    given(withEntry)
      .when(
        command('BackfillTask', {
          ...payloads.backfill,
          ticket: { processId: 'order-anomaly', ticketId: OTHER_TICKET_ID },
          target: { found: false },
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(LinkedTicketNotFoundError, {
        processId: 'order-anomaly',
        linkedTicketId: OTHER_TICKET_ID,
      });
  });

  it('refuses to call back a call the emergency does not have, or twice', () => {
    given(withCall)
      .when(
        command('RecordCallback', { ...payloads.callback, callId: 'M7' }),
        ctx('cs-online-agent'),
      )
      .thenThrows(EmergencyRecordNotFoundError, {
        kind: 'missed-call',
        recordId: 'M7',
      });
    given([...withCall, events.calledBack])
      .when(
        command('RecordCallback', payloads.callback),
        ctx('cs-online-agent'),
      )
      .thenThrows(EmergencyRecordAlreadyDoneError, {
        kind: 'missed-call',
        recordId: 'M1',
      });
  });

  it('refuses a task whose payload is no object, naming the payload', () => {
    const error = given(withEntry)
      .when(
        {
          type: 'BackfillTask',
          ticketId: TICKET_ID,
          payload: null as never,
        },
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields.map((f) => f.field)).toEqual(['payload']);
  });

  it('refuses a negative count of held-over requests', () => {
    given(app.RECOVERING)
      .when(
        command('RecordDeferredRequestsHandled', { handled: -1 }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
  });
});

describe('linking tickets', () => {
  it('refuses a ticket the runtime did not find', () => {
    given(app.DEGRADED_OPERATION)
      .when(
        command('LinkTicket', { ...payloads.link, target: { found: false } }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(LinkedTicketNotFoundError);
  });

  it('refuses without a look-up at all', () => {
    const { target: _, ...bare } = payloads.link;
    given(app.DEGRADED_OPERATION)
      .when(command('LinkTicket', bare), ctx('cs-phone-agent'))
      .thenThrows(LinkedTicketNotFoundError);
  });

  it('refuses another subsidiary’s ticket as not found', () => {
    given(app.DEGRADED_OPERATION)
      .when(
        command('LinkTicket', {
          ...payloads.link,
          target: { found: true, subsidiaryId: 'hz' },
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(LinkedTicketNotFoundError);
  });

  it('refuses a ticket linked already, and unlinking one that is not', () => {
    given([...app.DEGRADED_OPERATION, events.linked])
      .when(command('LinkTicket', payloads.link), ctx('cs-phone-agent'))
      .thenThrows(TicketLinkStateError, { code: 'TICKET_ALREADY_LINKED' });
    given(app.DEGRADED_OPERATION)
      .when(command('UnlinkTicket', payloads.unlink), ctx('cs-phone-agent'))
      .thenThrows(TicketLinkStateError, { code: 'TICKET_NOT_LINKED' });
  });

  it('refuses the emergency itself', () => {
    given(app.DEGRADED_OPERATION)
      .when(
        command('LinkTicket', {
          processId: 'centre-emergency',
          ticketId: TICKET_ID,
          target: { found: true, subsidiaryId: 'sh' },
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
  });
});
