import { eventFactory, FieldChecks } from '../shared';
import type { TrafficViolationEvent } from './traffic-violation.events';

/** An event at schema version 1, without `undefined` keys. */
export const violationEvent = eventFactory<TrafficViolationEvent>(1);

/** The payload's field checks, and the payload once it is a record. */
export function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}
