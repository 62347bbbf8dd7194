import { deciderSpec } from '../shared/testing/given-when-then';
import {
  OPS_TEAM_ID,
  command,
  ctx,
  events,
  historyOf,
  payloads,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

describe('a fault the inspector could not clear, at the platform (4.8)', () => {
  it('is reported to dispatch', () => {
    const state = given(historyOf.UNRESOLVED_AT_PLATFORM)
      .when(
        command('ReportUnresolvedToDispatch', payloads.reportUnresolved),
        ctx('regional-platform'),
      )
      .then([events.unresolvedReported]);

    expect(state.status).toBe('UNRESOLVED_AT_DISPATCH');
  });
});

describe('an unresolved fault at dispatch (4.9)', () => {
  it('is escalated to the station manager', () => {
    const state = given(historyOf.UNRESOLVED_AT_DISPATCH)
      .when(command('EscalateToStationManager', {}), ctx('dispatch-manager'))
      .then([events.escalated]);

    expect(state.status).toBe('AT_STATION_MANAGER');
  });

  it('carries the dispatcher note when one is given', () => {
    given(historyOf.UNRESOLVED_AT_DISPATCH)
      .when(
        command('EscalateToStationManager', { note: '需运维团队到场' }),
        ctx('dispatch-manager'),
      )
      .then([{ ...events.escalated, data: { note: '需运维团队到场' } }]);
  });
});

describe('a fault escalated to the station manager (4.10)', () => {
  it('is assigned to the station operations team', () => {
    const state = given(historyOf.AT_STATION_MANAGER)
      .when(
        command('AssignOpsTask', payloads.assignOps),
        ctx('station-manager'),
      )
      .then([events.opsTaskAssigned]);

    expect(state).toMatchObject({
      status: 'AT_OPS_TEAM',
      opsTeamId: OPS_TEAM_ID,
    });
  });
});
