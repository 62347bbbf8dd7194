import { nextEventTypesByTable, type ProcessDefinition } from '../shared';
import {
  REPEAT_CALLER_COMMAND_TYPES,
  type RepeatCallerCommand,
} from './repeat-caller.commands';
import { repeatCallerCustody } from './repeat-caller.custody';
import {
  decideRepeatCaller,
  REPEAT_CALLER_PROCESS_ID,
} from './repeat-caller.decide';
import type {
  RepeatCallerEvent,
  RepeatCallerEventType,
} from './repeat-caller.events';
import { evolveRepeatCaller } from './repeat-caller.evolve';
import { REPEAT_CALLER_EVENT_LABELS } from './repeat-caller.labels';
import { REPEAT_CALLER_PERSONAL_DATA } from './repeat-caller.personal-data';
import type { RepeatCallRules } from './repeat-caller.rules';
import {
  initialRepeatCallerState,
  type RepeatCallerState,
} from './repeat-caller.state';
import {
  REPEAT_CALLER_STATES,
  type RepeatCallerStatus,
} from './repeat-caller.states';
import { REPEAT_CALLER_TRANSITIONS } from './repeat-caller.transitions';

/** A plain call ends when the agent closes it, an escalation with the result. */
const TERMINAL: readonly RepeatCallerStatus[] = ['CALL_CLOSED', 'CLOSED'];

/** 重复来电类敏感问题上报流程 as the engine runs it. */
export const repeatCallerProcess: ProcessDefinition<
  RepeatCallerState,
  RepeatCallerCommand,
  RepeatCallerEvent,
  RepeatCallRules | undefined
> = {
  processId: REPEAT_CALLER_PROCESS_ID,
  title: { zh: '重复来电类敏感问题上报', en: 'Repeat-caller escalation' },
  initialState: initialRepeatCallerState,
  commandTypes: REPEAT_CALLER_COMMAND_TYPES,
  eventTypes: Object.keys(
    REPEAT_CALLER_EVENT_LABELS,
  ) as RepeatCallerEventType[],
  stateLabels: REPEAT_CALLER_STATES,
  eventLabels: REPEAT_CALLER_EVENT_LABELS,
  evolve: evolveRepeatCaller,
  decide: (command, state, context, rules) =>
    decideRepeatCaller(command, state, context, rules),
  custody: repeatCallerCustody,
  isTerminal: (state) => TERMINAL.includes(state.status),
  personalData: REPEAT_CALLER_PERSONAL_DATA,
};

/** The event types that may follow in a stream folded to `status`. */
export function nextRepeatCallerEventTypes(
  status: RepeatCallerStatus,
  previous?: RepeatCallerEventType,
): RepeatCallerEventType[] {
  return nextEventTypesByTable(REPEAT_CALLER_TRANSITIONS, status, previous);
}
