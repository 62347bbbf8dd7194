import {
  InvalidCommandDataError,
  NotAssigneeError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { StationFaultCommand } from './station-fault.commands';
import {
  TICKET_ID,
  command,
  ctx,
  historyOf,
  payloads,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';
import type { StationFaultStatus } from './station-fault.states';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

interface Case {
  command: StationFaultCommand;
  /** A role that may issue it, and a state it is allowed in. */
  role: RoleId;
  inState: StationFaultStatus;
  /** Every role that may issue it under the default configuration. */
  allowed: RoleId[];
  wrongRole: RoleId;
  wrongState: StationFaultStatus;
  expected: StationFaultStatus[];
}

// Every command except ReportStationFault, which creates the ticket.
const CASES: Case[] = [
  {
    command: command('CreateFaultTask', payloads.createTask),
    role: 'cs-phone-agent',
    inState: 'RECORDED',
    allowed: ['cs-phone-agent'],
    wrongRole: 'dispatch-manager',
    wrongState: 'AWAITING_DISPATCH',
    expected: ['RECORDED'],
  },
  {
    command: command('DispatchToRegion', payloads.dispatch),
    role: 'dispatch-manager',
    inState: 'AWAITING_DISPATCH',
    allowed: ['dispatch-manager'],
    wrongRole: 'cs-phone-agent',
    wrongState: 'RECORDED',
    expected: ['AWAITING_DISPATCH'],
  },
  {
    command: command('AssignInspection', payloads.assignInspection),
    role: 'regional-platform',
    inState: 'AT_REGIONAL_PLATFORM',
    allowed: ['regional-platform'],
    wrongRole: 'dispatch-manager',
    wrongState: 'INSPECTION_ASSIGNED',
    expected: ['AT_REGIONAL_PLATFORM'],
  },
  {
    command: command('StartInspection', {}),
    role: 'regional-inspector',
    inState: 'INSPECTION_ASSIGNED',
    allowed: ['regional-inspector'],
    wrongRole: 'regional-platform',
    wrongState: 'INSPECTING',
    expected: ['INSPECTION_ASSIGNED'],
  },
  {
    command: command('ReportInspectionResult', payloads.cleared),
    role: 'regional-inspector',
    inState: 'INSPECTING',
    allowed: ['regional-inspector'],
    wrongRole: 'regional-platform',
    wrongState: 'INSPECTION_ASSIGNED',
    expected: ['INSPECTING'],
  },
  {
    command: command('ReportUnresolvedToDispatch', payloads.reportUnresolved),
    role: 'regional-platform',
    inState: 'UNRESOLVED_AT_PLATFORM',
    allowed: ['regional-platform'],
    wrongRole: 'regional-inspector',
    wrongState: 'AT_REGIONAL_PLATFORM',
    expected: ['UNRESOLVED_AT_PLATFORM'],
  },
  {
    command: command('EscalateToStationManager', payloads.escalate),
    role: 'dispatch-manager',
    inState: 'UNRESOLVED_AT_DISPATCH',
    allowed: ['dispatch-manager'],
    wrongRole: 'station-manager',
    wrongState: 'AWAITING_DISPATCH',
    expected: ['UNRESOLVED_AT_DISPATCH'],
  },
  {
    command: command('AssignOpsTask', payloads.assignOps),
    role: 'station-manager',
    inState: 'AT_STATION_MANAGER',
    allowed: ['station-manager'],
    wrongRole: 'dispatch-manager',
    wrongState: 'RESULT_AT_STATION_MANAGER',
    expected: ['AT_STATION_MANAGER'],
  },
  {
    command: command('ClassifyFault', payloads.classifyPile),
    role: 'station-ops-team',
    inState: 'AT_OPS_TEAM',
    allowed: ['station-ops-team'],
    wrongRole: 'station-manager',
    wrongState: 'OPS_REPAIRING',
    expected: ['AT_OPS_TEAM'],
  },
  {
    command: command('CompleteSupplierHandling', payloads.supplierFixed),
    role: 'charging-pile-supplier',
    inState: 'SUPPLIER_HANDLING',
    allowed: ['charging-pile-supplier'],
    wrongRole: 'station-ops-team',
    wrongState: 'AT_OPS_TEAM',
    expected: ['SUPPLIER_HANDLING'],
  },
  {
    command: command('CompleteOpsRepair', payloads.opsFixed),
    role: 'station-ops-team',
    inState: 'OPS_REPAIRING',
    allowed: ['station-ops-team'],
    wrongRole: 'charging-pile-supplier',
    wrongState: 'SUPPLIER_HANDLING',
    expected: ['OPS_REPAIRING'],
  },
  {
    command: command('ReportResultToStationManager', payloads.resultToManager),
    role: 'station-ops-team',
    inState: 'HANDLING_DONE',
    allowed: ['station-ops-team'],
    wrongRole: 'station-manager',
    wrongState: 'AT_OPS_TEAM',
    expected: ['HANDLING_DONE'],
  },
  {
    command: command('NotifyCustomerService', payloads.notify),
    role: 'station-manager',
    inState: 'RESULT_AT_STATION_MANAGER',
    allowed: ['station-manager', 'regional-platform'],
    wrongRole: 'cs-phone-agent',
    wrongState: 'HANDLING_DONE',
    expected: ['RESULT_AT_STATION_MANAGER', 'RESOLVED_BY_INSPECTION'],
  },
  {
    command: command('InformReporter', payloads.inform),
    role: 'cs-phone-agent',
    inState: 'RESULT_NOTIFIED',
    allowed: ['cs-phone-agent'],
    wrongRole: 'station-manager',
    wrongState: 'RESULT_AT_STATION_MANAGER',
    expected: ['RESULT_NOTIFIED'],
  },
];

describe.each(CASES)('$command.type', (c) => {
  const type = c.command.type;

  it('is decided by an allowed role in an allowed state', () => {
    const decided = stationFaultProcess.decide(
      c.command,
      given(historyOf[c.inState]).state,
      ctx(c.role),
      defaultStationFaultConfig,
    );
    expect(decided.length).toBeGreaterThan(0);
  });

  it('on a ticket that does not exist is refused as not found', () => {
    given([]).when(c.command, ctx(c.role)).thenThrows(TicketNotFoundError, {
      code: 'TICKET_NOT_FOUND',
      httpStatus: 404,
      ticketId: TICKET_ID,
    });
  });

  it('from a role that may not issue it is refused as not permitted', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(RoleNotPermittedError, {
        code: 'ROLE_NOT_PERMITTED',
        httpStatus: 403,
        command: type,
        role: c.wrongRole,
        allowed: c.allowed,
      });
  });

  it('in a state that does not allow it is refused as not in state', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotInStateError, {
        code: 'TICKET_NOT_IN_STATE',
        httpStatus: 409,
        ticketId: TICKET_ID,
        state: c.wrongState,
        expected: c.expected,
        command: type,
      });
  });

  it('on a missing ticket is refused as not found before the role', () => {
    given([])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('from a wrong role in a wrong state is refused for the role', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(RoleNotPermittedError, { role: c.wrongRole });
  });

  it('in a wrong state with bad data is refused for the state', () => {
    given(historyOf[c.wrongState])
      .when({ ...c.command, payload: null } as never, ctx(c.role))
      .thenThrows(TicketNotInStateError, { state: c.wrongState });
  });

  it('with a payload that is not an object is refused as invalid data', () => {
    const error = given(historyOf[c.inState])
      .when({ ...c.command, payload: null } as never, ctx(c.role))
      .thenThrows(InvalidCommandDataError, {
        code: 'INVALID_COMMAND_DATA',
        httpStatus: 400,
        command: type,
      });
    expect(error.fields.map((f) => f.field)).toEqual(['payload']);
  });
});

describe('ReportStationFault', () => {
  const report = command('ReportStationFault', payloads.report);

  it('on a ticket that already exists is refused', () => {
    given(historyOf.RECORDED)
      .when(report, ctx('cs-phone-agent'))
      .thenThrows(TicketAlreadyExistsError, {
        code: 'TICKET_ALREADY_EXISTS',
        httpStatus: 409,
        ticketId: TICKET_ID,
      });
  });

  it('on a closed ticket is refused as already existing', () => {
    given(historyOf.CLOSED)
      .when(report, ctx('cs-phone-agent'))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('on an existing ticket is refused as existing before the role', () => {
    given(historyOf.RECORDED)
      .when(report, ctx('dispatch-manager'))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('from a role other than the phone agent is not permitted', () => {
    given([])
      .when(report, ctx('dispatch-manager'))
      .thenThrows(RoleNotPermittedError, {
        code: 'ROLE_NOT_PERMITTED',
        command: 'ReportStationFault',
        role: 'dispatch-manager',
        allowed: ['cs-phone-agent'],
      });
  });

  it('from a reporter role itself is not permitted', () => {
    given([])
      .when(report, ctx('property-management'))
      .thenThrows(RoleNotPermittedError, { role: 'property-management' });
  });

  it('from the right role with bad data is refused for the data', () => {
    given([])
      .when(command('ReportStationFault', null as never), ctx('cs-phone-agent'))
      .thenThrows(InvalidCommandDataError, { command: 'ReportStationFault' });
  });
});

describe('a command the process does not know', () => {
  it('is refused as invalid data naming the type', () => {
    const error = given(historyOf.RECORDED)
      .when(
        { type: 'DeleteTicket', ticketId: TICKET_ID, payload: {} } as never,
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError, { command: 'DeleteTicket' });
    expect(error.fields.map((f) => f.field)).toEqual(['type']);
  });
});

describe('an inspector who is not the assignee', () => {
  const other = ctx('regional-inspector', { id: 'inspector-liu-yang' });

  it('is refused as not the assignee before the data is looked at', () => {
    given(historyOf.INSPECTING)
      .when(command('ReportInspectionResult', null as never), other)
      .thenThrows(NotAssigneeError, {
        ticketId: TICKET_ID,
        actorId: 'inspector-liu-yang',
      });
  });

  it('in a state the command is not allowed in is refused for the state', () => {
    given(historyOf.INSPECTING)
      .when(command('StartInspection', {}), other)
      .thenThrows(TicketNotInStateError, { state: 'INSPECTING' });
  });
});
