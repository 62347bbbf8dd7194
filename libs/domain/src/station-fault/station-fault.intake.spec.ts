import { deciderSpec } from '../shared/testing/given-when-then';
import {
  command,
  ctx,
  events,
  historyOf,
  payloads,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

describe('a phone agent takes a call about a station fault (4.1)', () => {
  it('records the call and the fault and the ticket is RECORDED', () => {
    const state = given([])
      .when(
        command('ReportStationFault', payloads.report),
        ctx('cs-phone-agent'),
      )
      .then([events.callReceived, events.faultRecorded]);

    expect(state).toMatchObject({
      status: 'RECORDED',
      ticketNumber: 'SF-20260302-0001',
      station: payloads.report.station,
      suspectedChargingPile: true,
      inspectionVisits: 0,
    });
  });

  it('records a user reporter without a name or a suspected pile', () => {
    const report = {
      ...payloads.report,
      reporter: { type: 'user' as const, phone: '+86 138 0013 8000' },
      suspectedChargingPile: false,
      chargingPileId: undefined,
    };

    given([])
      .when(command('ReportStationFault', report), ctx('cs-phone-agent'))
      .then([
        {
          ...events.callReceived,
          data: { ...events.callReceived.data, reporter: report.reporter },
        },
        {
          ...events.faultRecorded,
          data: {
            station: report.station,
            faultDescription: report.faultDescription,
            suspectedChargingPile: false,
            // The description still names a pile (充电桩).
            category: 'charging-pile',
          },
        },
      ]);
  });

  it('accepts a call made at the very instant of the decision', () => {
    const report = {
      ...payloads.report,
      callTime: '2026-03-02T10:00:00+08:00',
    };

    given([])
      .when(command('ReportStationFault', report), ctx('cs-phone-agent'))
      .then([
        {
          ...events.callReceived,
          data: { ...events.callReceived.data, callTime: report.callTime },
        },
        events.faultRecorded,
      ]);
  });
});

describe('a recorded fault (4.2)', () => {
  it('becomes a task awaiting dispatch', () => {
    const state = given(historyOf.RECORDED)
      .when(
        command('CreateFaultTask', payloads.createTask),
        ctx('cs-phone-agent'),
      )
      .then([events.taskCreated]);

    expect(state.status).toBe('AWAITING_DISPATCH');
  });

  it('becomes a task without a note when none is given', () => {
    given(historyOf.RECORDED)
      .when(command('CreateFaultTask', {}), ctx('cs-phone-agent'))
      .then([{ ...events.taskCreated, data: {} }]);
  });
});

describe('a task awaiting dispatch (4.3)', () => {
  it('goes to the regional platform with the routing decision as given', () => {
    const state = given(historyOf.AWAITING_DISPATCH)
      .when(
        command('DispatchToRegion', payloads.dispatch),
        ctx('dispatch-manager'),
      )
      .then([events.dispatched]);

    expect(state).toMatchObject({
      status: 'AT_REGIONAL_PLATFORM',
      regionalPlatformId: 'region-minhang',
    });
  });
});
