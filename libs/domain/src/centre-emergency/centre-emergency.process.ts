import { nextEventTypesByTable, type ProcessDefinition } from '../shared';
import {
  CENTRE_EMERGENCY_COMMAND_TYPES,
  type CentreEmergencyCommand,
} from './centre-emergency.commands';
import { centreEmergencyCustody } from './centre-emergency.custody';
import {
  CENTRE_EMERGENCY_PROCESS_ID,
  decideCentreEmergency,
  type CentreEmergencyConfig,
} from './centre-emergency.decide';
import type {
  CentreEmergencyEvent,
  CentreEmergencyEventType,
} from './centre-emergency.events';
import { evolveCentreEmergency } from './centre-emergency.evolve';
import { CENTRE_EMERGENCY_EVENT_LABELS } from './centre-emergency.labels';
import { CENTRE_EMERGENCY_PERSONAL_DATA } from './centre-emergency.personal-data';
import {
  initialCentreEmergencyState,
  type CentreEmergencyState,
} from './centre-emergency.state';
import {
  CENTRE_EMERGENCY_STATES,
  type CentreEmergencyStatus,
} from './centre-emergency.states';
import { CENTRE_EMERGENCY_TRANSITIONS } from './centre-emergency.transitions';

const TERMINAL: readonly CentreEmergencyStatus[] = [
  'CLOSED_EMERGENCY_MECHANISM',
  'CLOSED_RESOLVED',
];

/** 客服中心应急处理流程 as the engine runs it. */
export const centreEmergencyProcess: ProcessDefinition<
  CentreEmergencyState,
  CentreEmergencyCommand,
  CentreEmergencyEvent,
  CentreEmergencyConfig
> = {
  processId: CENTRE_EMERGENCY_PROCESS_ID,
  title: { zh: '客服中心应急处理', en: 'CS-centre emergency handling' },
  initialState: initialCentreEmergencyState,
  commandTypes: CENTRE_EMERGENCY_COMMAND_TYPES,
  eventTypes: Object.keys(
    CENTRE_EMERGENCY_EVENT_LABELS,
  ) as CentreEmergencyEventType[],
  stateLabels: CENTRE_EMERGENCY_STATES,
  eventLabels: CENTRE_EMERGENCY_EVENT_LABELS,
  evolve: evolveCentreEmergency,
  decide: decideCentreEmergency,
  custody: centreEmergencyCustody,
  isTerminal: (state) => TERMINAL.includes(state.status),
  personalData: CENTRE_EMERGENCY_PERSONAL_DATA,
};

/** The event types that may follow in a stream folded to `status`. */
export function nextCentreEmergencyEventTypes(
  status: CentreEmergencyStatus,
  previous?: CentreEmergencyEventType,
): CentreEmergencyEventType[] {
  return nextEventTypesByTable(CENTRE_EMERGENCY_TRANSITIONS, status, previous);
}
