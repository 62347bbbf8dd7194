import type { FieldChecks } from '../shared';

const DECISION_MODES = ['automatic', 'manual'] as const;
export const HANDLING_OUTCOMES = ['fixed', 'not-fixed'] as const;

/** The payload as a record, or `undefined` (and a problem) if it is not. */
export function payloadOf(
  checks: FieldChecks,
  payload: unknown,
): Record<string, unknown> | undefined {
  return checks.record('payload', payload) ? payload : undefined;
}

/** Which inputs an automatic or manual decision used, so a replay reproduces it. */
export function checkDecisionRecord(
  checks: FieldChecks,
  field: string,
  value: unknown,
): void {
  if (!checks.record(field, value)) return;
  checks.oneOf(`${field}.mode`, value.mode, DECISION_MODES);
  checks.nonBlank(`${field}.ruleVersion`, value.ruleVersion);
  checks.record(`${field}.inputs`, value.inputs);
}
