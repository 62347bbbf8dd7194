import type { ProcessDefinition } from '../shared';
import { STATION_FAULT_COMMAND_TYPES } from './station-fault.command-types';
import { stationFaultCustody } from './station-fault.custody';
import {
  decideStationFaultCommand,
  type StationFaultProcessCommand,
} from './station-fault.deadlines';
import type {
  StationFaultEvent,
  StationFaultEventType,
} from './station-fault.events';
import { evolveStationFault } from './station-fault.evolve';
import { STATION_FAULT_EVENT_LABELS } from './station-fault.labels';
import { STATION_FAULT_PERSONAL_DATA } from './station-fault.personal-data';
import {
  initialStationFaultState,
  type StationFaultConfig,
  type StationFaultState,
} from './station-fault.state';
import { STATION_FAULT_STATES } from './station-fault.states';

/** P20 网点故障上报流程 as the engine runs it. */
export const stationFaultProcess: ProcessDefinition<
  StationFaultState,
  StationFaultProcessCommand,
  StationFaultEvent,
  StationFaultConfig
> = {
  processId: 'station-fault',
  title: { zh: '网点故障上报', en: 'Station fault reporting' },
  initialState: initialStationFaultState,
  commandTypes: [...STATION_FAULT_COMMAND_TYPES, 'RecordDeadline'],
  eventTypes: Object.keys(
    STATION_FAULT_EVENT_LABELS,
  ) as StationFaultEventType[],
  stateLabels: STATION_FAULT_STATES,
  eventLabels: STATION_FAULT_EVENT_LABELS,
  evolve: evolveStationFault,
  decide: decideStationFaultCommand,
  custody: stationFaultCustody,
  // RESOLVED_BY_INSPECTION ended the manual's process (4.6), but here the
  // result still travels to the centre and the reporter (gaps G-d, G-c).
  isTerminal: (state) => state.status === 'CLOSED',
  personalData: STATION_FAULT_PERSONAL_DATA,
  // The fold keeps the reporter of call-received as `reporter`.
  personalState: ['reporter.name', 'reporter.phone'],
};
