import { authoriseByTable, type DecisionContext } from '../shared';
import type { RepeatCallerCommand } from './repeat-caller.commands';
import {
  decideClose,
  decideRecordCall,
  decideUnlink,
} from './repeat-caller.decide-call';
import {
  decideCallBack,
  decideClassify,
  decideDraft,
  decideFollowUp,
  decideNotify,
  decideReportIncident,
  decideReviewPlan,
  decideReviewRecordings,
} from './repeat-caller.decide-escalation';
import type { RepeatCallerEvent } from './repeat-caller.events';
import {
  DEFAULT_REPEAT_CALL_RULES,
  type RepeatCallRules,
} from './repeat-caller.rules';
import type { RepeatCallerState } from './repeat-caller.state';
import { REPEAT_CALLER_TRANSITIONS } from './repeat-caller.transitions';

export const REPEAT_CALLER_PROCESS_ID = 'repeat-caller';

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideRepeatCaller(
  command: RepeatCallerCommand,
  state: RepeatCallerState,
  context: DecisionContext,
  rules: RepeatCallRules = DEFAULT_REPEAT_CALL_RULES,
): RepeatCallerEvent[] {
  authoriseByTable(
    REPEAT_CALLER_PROCESS_ID,
    REPEAT_CALLER_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'RecordCall':
      return decideRecordCall(command, context, rules);
    case 'CloseCall':
      return decideClose(command);
    case 'UnlinkCall':
      return decideUnlink(command, state);
    case 'ReviewRecordings':
      return decideReviewRecordings(command, state);
    case 'ReportIncident':
      return decideReportIncident(command);
    case 'ClassifyIncident':
      return decideClassify(command);
    case 'DraftHandlingPlan':
      return decideDraft(command, context);
    case 'ReviewHandlingPlan':
      return decideReviewPlan(command, state);
    case 'CallBackWithPlan':
      return decideCallBack(command);
    case 'RecordFollowUp':
      return decideFollowUp(command);
    case 'NotifyResult':
      return decideNotify(command, state);
    default: {
      // The table has already refused a type it does not list.
      const unknown: never = command;
      return unknown;
    }
  }
}
