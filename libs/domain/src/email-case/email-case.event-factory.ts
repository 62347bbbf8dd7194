import type { EmailCaseEvent, EmailCaseEventType } from './email-case.events';

type EventOf<T extends EmailCaseEventType> = Extract<
  EmailCaseEvent,
  { type: T }
>;

export const EMAIL_CASE_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function emailCaseEvent<T extends EmailCaseEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: EMAIL_CASE_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
