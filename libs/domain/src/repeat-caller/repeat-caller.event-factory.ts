import { eventFactory } from '../shared';
import type { RepeatCallerEvent } from './repeat-caller.events';

export const REPEAT_CALLER_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const repeatCallerEvent = eventFactory<RepeatCallerEvent>(
  REPEAT_CALLER_SCHEMA_VERSION,
);
