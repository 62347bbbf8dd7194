import { FieldChecks, type DomainEvent } from '../shared';
import type {
  TrafficViolationEvent,
  TrafficViolationEventType,
} from './traffic-violation.events';

type EventOf<T extends TrafficViolationEventType> = Extract<
  TrafficViolationEvent,
  { type: T }
>;

/** An event at schema version 1, without `undefined` keys. */
export function violationEvent<T extends TrafficViolationEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return { type, schemaVersion: 1, data: clean } as DomainEvent as EventOf<T>;
}

/** The payload's field checks, and the payload once it is a record. */
export function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}
