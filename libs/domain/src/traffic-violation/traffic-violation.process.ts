import type { ProcessDefinition } from '../shared';
import {
  TRAFFIC_VIOLATION_COMMAND_TYPES,
  type TrafficViolationCommand,
} from './traffic-violation.commands';
import { trafficViolationCustody } from './traffic-violation.custody';
import {
  decideTrafficViolation,
  TRAFFIC_VIOLATION_PROCESS_ID,
} from './traffic-violation.decide';
import type {
  TrafficViolationEvent,
  TrafficViolationEventType,
} from './traffic-violation.events';
import { evolveTrafficViolation } from './traffic-violation.evolve';
import { TRAFFIC_VIOLATION_EVENT_LABELS } from './traffic-violation.labels';
import {
  initialTrafficViolationState,
  type TrafficViolationConfig,
  type TrafficViolationState,
} from './traffic-violation.state';
import {
  TRAFFIC_VIOLATION_STATES,
  TRAFFIC_VIOLATION_TERMINAL,
} from './traffic-violation.states';

/** P23 用户违章处理流程 as the engine runs it. */
export const trafficViolationProcess: ProcessDefinition<
  TrafficViolationState,
  TrafficViolationCommand,
  TrafficViolationEvent,
  TrafficViolationConfig
> = {
  processId: TRAFFIC_VIOLATION_PROCESS_ID,
  title: { zh: '用户违章处理', en: 'Traffic-violation handling' },
  initialState: initialTrafficViolationState,
  commandTypes: TRAFFIC_VIOLATION_COMMAND_TYPES,
  eventTypes: Object.keys(
    TRAFFIC_VIOLATION_EVENT_LABELS,
  ) as TrafficViolationEventType[],
  stateLabels: TRAFFIC_VIOLATION_STATES,
  eventLabels: TRAFFIC_VIOLATION_EVENT_LABELS,
  evolve: evolveTrafficViolation,
  decide: decideTrafficViolation,
  custody: trafficViolationCustody,
  isTerminal: (state) => TRAFFIC_VIOLATION_TERMINAL.includes(state.status),
  personalData: {
    'traffic-violation.violation-entered': ['phone', 'email'],
    'traffic-violation.materials-emailed': ['email'],
  },
};
