import { RoleNotPermittedError, TicketNotInStateError } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import {
  NOW,
  TICKET_ID,
  command,
  ctx,
  events,
  historyOf,
  opsHandlingDone,
  payloads,
  resultNotified,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';

const viaStationManager = deciderSpec(stationFaultProcess, {
  resultNotifier: 'station-manager',
});
const viaOpsTeam = deciderSpec(stationFaultProcess, {
  resultNotifier: 'station-ops-team',
});

describe('handling done where the station manager tells the centre (4.11)', () => {
  const { given } = viaStationManager;

  it('operations report the result to the station manager (gap G-b)', () => {
    const state = given(historyOf.HANDLING_DONE)
      .when(
        command('ReportResultToStationManager', payloads.resultToManager),
        ctx('station-ops-team'),
      )
      .then([events.resultReported]);

    expect(state.status).toBe('RESULT_AT_STATION_MANAGER');
  });

  it('the station manager tells the centre the supplier repaired it', () => {
    const state = given(historyOf.RESULT_AT_STATION_MANAGER)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-manager'),
      )
      .then([resultNotified('repaired-by-supplier')]);

    expect(state).toMatchObject({
      status: 'RESULT_NOTIFIED',
      finalStatus: 'repaired-by-supplier',
    });
  });

  it('the station manager tells the centre operations repaired it', () => {
    given([...opsHandlingDone, events.resultReported])
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-manager'),
      )
      .then([resultNotified('repaired-by-ops-team')]);
  });

  it('operations may not tell the centre themselves', () => {
    given(historyOf.HANDLING_DONE)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-ops-team'),
      )
      .thenThrows(RoleNotPermittedError, {
        code: 'ROLE_NOT_PERMITTED',
        command: 'NotifyCustomerService',
        role: 'station-ops-team',
        allowed: ['station-manager', 'regional-platform'],
      });
  });
});

describe('handling done where operations tell the centre (duty 3.5)', () => {
  const { given } = viaOpsTeam;

  it('operations tell the centre the supplier repaired it', () => {
    const state = given(historyOf.HANDLING_DONE)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-ops-team'),
      )
      .then([resultNotified('repaired-by-supplier')]);

    expect(state.status).toBe('RESULT_NOTIFIED');
  });

  it('operations tell the centre they repaired it themselves', () => {
    given(opsHandlingDone)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-ops-team'),
      )
      .then([resultNotified('repaired-by-ops-team')]);
  });

  it('reporting to the station manager is not permitted to anyone', () => {
    given(historyOf.HANDLING_DONE)
      .when(
        command('ReportResultToStationManager', payloads.resultToManager),
        ctx('station-ops-team'),
      )
      .thenThrows(RoleNotPermittedError, {
        code: 'ROLE_NOT_PERMITTED',
        command: 'ReportResultToStationManager',
        role: 'station-ops-team',
        allowed: [],
      });
  });

  it('a result already with the station manager still reaches the centre', () => {
    given(historyOf.RESULT_AT_STATION_MANAGER)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-manager'),
      )
      .then([resultNotified('repaired-by-supplier')]);
  });

  it('the station manager may not notify from HANDLING_DONE', () => {
    given(historyOf.HANDLING_DONE)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-manager'),
      )
      .thenThrows(RoleNotPermittedError, {
        command: 'NotifyCustomerService',
        role: 'station-manager',
        allowed: ['station-ops-team'],
      });
  });
});

describe('a fault cleared by the inspector (gap G-d)', () => {
  it('reaches the centre through the regional platform', () => {
    const state = viaStationManager
      .given(historyOf.RESOLVED_BY_INSPECTION)
      .when(
        command('NotifyCustomerService', {
          resultSummary: '空气开关跳闸，已复位',
        }),
        ctx('regional-platform', {
          id: 'auto:regional-platform',
          kind: 'automatic',
        }),
      )
      .then([
        {
          type: 'station-fault.result-notified-to-customer-service',
          schemaVersion: 1,
          data: {
            resultSummary: '空气开关跳闸，已复位',
            finalStatus: 'cleared-by-inspector',
          },
        },
      ]);

    expect(state.finalStatus).toBe('cleared-by-inspector');
  });

  it('is not for the station manager to pass on', () => {
    viaStationManager
      .given(historyOf.RESOLVED_BY_INSPECTION)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('station-manager'),
      )
      .thenThrows(RoleNotPermittedError, {
        role: 'station-manager',
        allowed: ['regional-platform'],
      });
  });

  it('reaches the centre the same way under either setting', () => {
    viaOpsTeam
      .given(historyOf.RESOLVED_BY_INSPECTION)
      .when(
        command('NotifyCustomerService', payloads.notify),
        ctx('regional-platform'),
      )
      .then([resultNotified('cleared-by-inspector')]);
  });
});

describe('a result notified to the centre (gap G-c)', () => {
  const { given } = viaStationManager;

  it('is told to the reporter and the ticket is closed now', () => {
    const state = given(historyOf.RESULT_NOTIFIED)
      .when(command('InformReporter', payloads.inform), ctx('cs-phone-agent'))
      .then([events.reporterInformed, events.ticketClosed]);

    expect(state).toMatchObject({
      status: 'CLOSED',
      closedAt: NOW,
      contactOutcome: 'reached',
    });
    expect(stationFaultProcess.isTerminal(state)).toBe(true);
  });

  it('closes even when the reporter could not be reached', () => {
    given(historyOf.RESULT_NOTIFIED)
      .when(
        command('InformReporter', { contactOutcome: 'unreachable' }),
        ctx('cs-phone-agent'),
      )
      .then([
        {
          type: 'station-fault.reporter-informed',
          schemaVersion: 1,
          data: { contactOutcome: 'unreachable' },
        },
        events.ticketClosed,
      ]);
  });
});

describe('a closed ticket', () => {
  it('takes no further command', () => {
    viaStationManager
      .given(historyOf.CLOSED)
      .when(command('InformReporter', payloads.inform), ctx('cs-phone-agent'))
      .thenThrows(TicketNotInStateError, {
        ticketId: TICKET_ID,
        state: 'CLOSED',
        expected: ['RESULT_NOTIFIED'],
      });
  });
});
