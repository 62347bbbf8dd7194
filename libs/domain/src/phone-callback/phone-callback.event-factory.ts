import type {
  PhoneCallbackEvent,
  PhoneCallbackEventType,
} from './phone-callback.events';

type EventOf<T extends PhoneCallbackEventType> = Extract<
  PhoneCallbackEvent,
  { type: T }
>;

export const PHONE_CALLBACK_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function callbackEvent<T extends PhoneCallbackEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: PHONE_CALLBACK_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
