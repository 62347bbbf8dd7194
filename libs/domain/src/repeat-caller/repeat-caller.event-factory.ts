import type {
  RepeatCallerEvent,
  RepeatCallerEventType,
} from './repeat-caller.events';

type EventOf<T extends RepeatCallerEventType> = Extract<
  RepeatCallerEvent,
  { type: T }
>;

export const REPEAT_CALLER_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function repeatCallerEvent<T extends RepeatCallerEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: REPEAT_CALLER_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
