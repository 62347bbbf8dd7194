import type { FeeWaiverEvent, FeeWaiverEventType } from './fee-waiver.events';

type EventOf<T extends FeeWaiverEventType> = Extract<
  FeeWaiverEvent,
  { type: T }
>;

export const FEE_WAIVER_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function feeWaiverEvent<T extends FeeWaiverEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: FEE_WAIVER_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
