import type {
  CentreEmergencyEvent,
  CentreEmergencyEventType,
} from './centre-emergency.events';

type EventOf<T extends CentreEmergencyEventType> = Extract<
  CentreEmergencyEvent,
  { type: T }
>;

export const CENTRE_EMERGENCY_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function centreEmergencyEvent<T extends CentreEmergencyEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: CENTRE_EMERGENCY_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
