import type { RecordDeadline } from '../deadlines/deadline-events';
import { decideRecordDeadline } from '../deadlines/record-deadline';
import {
  authoriseByTable,
  type DecisionContext,
  type TableRule,
} from '../shared';
import type { StationFaultCommand } from './station-fault.commands';
import { decideStationFault } from './station-fault.decide';
import type {
  StationFaultEvent,
  StationFaultEventType,
} from './station-fault.events';
import {
  defaultStationFaultConfig,
  type StationFaultConfig,
  type StationFaultState,
} from './station-fault.state';
import {
  STATION_FAULT_STATES,
  type StationFaultStatus,
} from './station-fault.states';

/** Every command the station-fault process accepts, the timer's included. */
export type StationFaultProcessCommand = StationFaultCommand | RecordDeadline;

/**
 * The statuses that are steps, for deadlines: every state in which a role
 * must act, that is all but NEW and CLOSED.
 */
export const STATION_FAULT_STEPS: readonly StationFaultStatus[] = (
  Object.keys(STATION_FAULT_STATES) as StationFaultStatus[]
).filter((status) => status !== 'NEW' && status !== 'CLOSED');

/**
 * The timer's rules, beside the people's transition table: in every step
 * the system may record a warning or a breach, and the ticket stays where
 * it is (custody unchanged). Kept apart from `STATION_FAULT_TRANSITIONS`,
 * which says what people may do; the audit tool reads both.
 */
export const STATION_FAULT_DEADLINE_TRANSITIONS: readonly TableRule<
  'RecordDeadline',
  StationFaultEventType,
  StationFaultStatus
>[] = STATION_FAULT_STEPS.map((from) => ({
  command: 'RecordDeadline',
  from,
  roles: ['system'],
  outcomes: [
    { events: ['station-fault.deadline-warned'], to: from },
    { events: ['station-fault.deadline-breached'], to: from },
  ],
}));

/**
 * The process's decider: the timer's command by its own table, every
 * other by `decideStationFault`.
 */
export function decideStationFaultCommand(
  command: StationFaultProcessCommand,
  state: StationFaultState,
  context: DecisionContext,
  config: StationFaultConfig = defaultStationFaultConfig,
): StationFaultEvent[] {
  if (command.type !== 'RecordDeadline') {
    return decideStationFault(command, state, context, config);
  }
  authoriseByTable(
    'station-fault',
    STATION_FAULT_DEADLINE_TRANSITIONS,
    command,
    { status: state.status, subsidiaryId: state.station?.subsidiaryId },
    context,
  );
  return decideRecordDeadline('station-fault', command, state, context);
}
