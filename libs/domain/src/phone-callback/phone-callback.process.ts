import type { ProcessDefinition } from '../shared';
import {
  PHONE_CALLBACK_COMMAND_TYPES,
  type PhoneCallbackCommand,
} from './phone-callback.commands';
import { phoneCallbackCustody } from './phone-callback.custody';
import { decidePhoneCallback } from './phone-callback.decide';
import type {
  PhoneCallbackEvent,
  PhoneCallbackEventType,
} from './phone-callback.events';
import { evolvePhoneCallback } from './phone-callback.evolve';
import { PHONE_CALLBACK_EVENT_LABELS } from './phone-callback.labels';
import {
  initialPhoneCallbackState,
  type PhoneCallbackState,
} from './phone-callback.state';
import {
  PHONE_CALLBACK_STATES,
  PHONE_CALLBACK_TERMINAL,
} from './phone-callback.states';

/** P08 电话回访流程 as the engine runs it. */
export const phoneCallbackProcess: ProcessDefinition<
  PhoneCallbackState,
  PhoneCallbackCommand,
  PhoneCallbackEvent,
  unknown
> = {
  processId: 'phone-callback',
  title: { zh: '电话回访', en: 'Phone call-back' },
  initialState: initialPhoneCallbackState,
  commandTypes: PHONE_CALLBACK_COMMAND_TYPES,
  eventTypes: Object.keys(
    PHONE_CALLBACK_EVENT_LABELS,
  ) as PhoneCallbackEventType[],
  stateLabels: PHONE_CALLBACK_STATES,
  eventLabels: PHONE_CALLBACK_EVENT_LABELS,
  evolve: evolvePhoneCallback,
  decide: (command, state, context) =>
    decidePhoneCallback(command, state, context),
  custody: phoneCallbackCustody,
  isTerminal: (state) => PHONE_CALLBACK_TERMINAL.includes(state.status),
  personalData: { 'phone-callback.opened': ['contact.phone', 'contact.name'] },
  // The reporter of a station fault, copied by the process linker.
  // TODO(#11): free text (the subject, copied from the result summary, and
  // the agents' notes) may repeat a phone number; no erasure reaches it.
  personalState: ['contact.phone', 'contact.name'],
};
