import type {
  StationFaultEvent,
  StationFaultEventType,
} from './station-fault.events';

type EventOf<T extends StationFaultEventType> = Extract<
  StationFaultEvent,
  { type: T }
>;

/** Every station-fault event is written at this schema version for now. */
export const STATION_FAULT_SCHEMA_VERSION = 1;

/**
 * The object without its `undefined` keys, so that data reads the same
 * before and after it is stored as JSON.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as T;
}

/** An event of the given type at the current schema version. */
export function stationFaultEvent<T extends StationFaultEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  return {
    type,
    schemaVersion: STATION_FAULT_SCHEMA_VERSION,
    data: withoutUndefined(data),
  } as unknown as EventOf<T>;
}
