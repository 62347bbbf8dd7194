import { STATION_FAULT_COMMAND_TYPES } from './station-fault.command-types';
import { historyOf } from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { STATION_FAULT_STATES } from './station-fault.states';
import type { StationFaultStatus } from './station-fault.states';
import { foldEvents } from '../shared/testing/given-when-then';

describe('the station-fault process definition', () => {
  it('is named for its streams and its users', () => {
    expect(stationFaultProcess.processId).toBe('station-fault');
    expect(stationFaultProcess.title).toEqual({
      zh: '网点故障上报',
      en: 'Station fault reporting',
    });
  });

  it('lists every command, and a label for every state and event', () => {
    // The people's commands, then the timer's (RecordDeadline).
    expect(stationFaultProcess.commandTypes).toEqual([
      ...STATION_FAULT_COMMAND_TYPES,
      'RecordDeadline',
    ]);
    expect(stationFaultProcess.commandTypes).toHaveLength(16);
    expect(stationFaultProcess.eventTypes).toHaveLength(22);
    expect(Object.keys(stationFaultProcess.eventLabels)).toEqual(
      stationFaultProcess.eventTypes,
    );
    expect(stationFaultProcess.stateLabels).toBe(STATION_FAULT_STATES);
  });

  it('starts NEW with no inspection visits', () => {
    expect(stationFaultProcess.initialState).toEqual({
      status: 'NEW',
      inspectionVisits: 0,
    });
  });

  it('ends only at CLOSED, not when the inspector clears the fault', () => {
    const terminal = Object.keys(STATION_FAULT_STATES).filter((status) =>
      stationFaultProcess.isTerminal({
        status: status as StationFaultStatus,
        inspectionVisits: 0,
      }),
    );
    expect(terminal).toEqual(['CLOSED']);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, events] of Object.entries(historyOf)) {
      expect(foldEvents(stationFaultProcess, events).status).toBe(status);
    }
  });
});
