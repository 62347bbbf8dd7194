import { eventFactory } from '../shared';
import type { PhoneCallbackEvent } from './phone-callback.events';

export const PHONE_CALLBACK_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const callbackEvent = eventFactory<PhoneCallbackEvent>(
  PHONE_CALLBACK_SCHEMA_VERSION,
);
