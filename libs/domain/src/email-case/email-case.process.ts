import { nextEventTypesByTable, type ProcessDefinition } from '../shared';
import {
  EMAIL_CASE_COMMAND_TYPES,
  type EmailCaseCommand,
} from './email-case.commands';
import { emailCaseCustody } from './email-case.custody';
import { decideEmailCase, EMAIL_CASE_PROCESS_ID } from './email-case.decide';
import type { EmailCaseEvent, EmailCaseEventType } from './email-case.events';
import { evolveEmailCase } from './email-case.evolve';
import { EMAIL_CASE_EVENT_LABELS } from './email-case.labels';
import { EMAIL_CASE_PERSONAL_DATA } from './email-case.personal-data';
import { initialEmailCaseState, type EmailCaseState } from './email-case.state';
import { EMAIL_CASE_STATES, type EmailCaseStatus } from './email-case.states';
import { EMAIL_CASE_TRANSITIONS } from './email-case.transitions';

/** 邮件客服岗位工作流程 as the engine runs it. */
export const emailCaseProcess: ProcessDefinition<
  EmailCaseState,
  EmailCaseCommand,
  EmailCaseEvent
> = {
  processId: EMAIL_CASE_PROCESS_ID,
  title: { zh: '邮件客服', en: 'E-mail customer service' },
  initialState: initialEmailCaseState,
  commandTypes: EMAIL_CASE_COMMAND_TYPES,
  eventTypes: Object.keys(EMAIL_CASE_EVENT_LABELS) as EmailCaseEventType[],
  stateLabels: EMAIL_CASE_STATES,
  eventLabels: EMAIL_CASE_EVENT_LABELS,
  evolve: evolveEmailCase,
  decide: (command, state, context) => decideEmailCase(command, state, context),
  custody: emailCaseCustody,
  isTerminal: (state) => state.status === 'CLOSED',
  personalData: EMAIL_CASE_PERSONAL_DATA,
};

/** The event types that may follow in a stream folded to `status`. */
export function nextEmailCaseEventTypes(
  status: EmailCaseStatus,
  previous?: EmailCaseEventType,
): EmailCaseEventType[] {
  return nextEventTypesByTable(EMAIL_CASE_TRANSITIONS, status, previous);
}
