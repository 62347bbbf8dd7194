import { FieldChecks } from '../shared';

/** Field checks for a command's payload, and the payload if it is an object. */
export function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}
