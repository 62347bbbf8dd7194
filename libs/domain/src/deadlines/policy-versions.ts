import type {
  DeadlinePolicyDraft,
  DeadlinePolicyVersion,
  DeadlineRule,
  DeadlineTerms,
  Priority,
} from './deadline-policy.types';
import type { StepDeadline } from './deadline-instants';

/**
 * The version in force at an instant: of those effective by then, the
 * one that became effective last (the higher version on a tie). A step
 * keeps the version in force when it began, whatever is published later.
 */
export function versionInForce(
  versions: readonly DeadlinePolicyVersion[],
  at: string,
): DeadlinePolicyVersion | undefined {
  const atMs = Date.parse(at);
  let found: DeadlinePolicyVersion | undefined;
  for (const candidate of versions) {
    const from = Date.parse(candidate.effectiveFrom);
    if (from > atMs) continue;
    const foundFrom = found ? Date.parse(found.effectiveFrom) : -Infinity;
    if (
      !found ||
      from > foundFrom ||
      (from === foundFrom && candidate.version > found.version)
    ) {
      found = candidate;
    }
  }
  return found;
}

/** The rule of a step at a priority, else the step's `normal` rule. */
export function ruleFor(
  policy: DeadlinePolicyDraft,
  processId: string,
  step: string,
  priority: Priority,
): DeadlineRule | undefined {
  const ofStep = policy.rules.filter(
    (rule) => rule.processId === processId && rule.step === step,
  );
  return (
    ofStep.find((rule) => (rule.priority ?? 'normal') === priority) ??
    ofStep.find((rule) => (rule.priority ?? 'normal') === 'normal')
  );
}

/** The terms of a rule without its key. */
export function termsOf(rule: DeadlineRule): DeadlineTerms {
  if (rule.clock === 'end-of-working-day') {
    const { clock, warnBeforeMinutes, onBreach } = rule;
    return { clock, warnBeforeMinutes, onBreach };
  }
  const { clock, deadlineMinutes, warnAfterMinutes, onBreach } = rule;
  return { clock, deadlineMinutes, warnAfterMinutes, onBreach };
}

/**
 * The terms a step runs under at a priority, with the policy's working
 * hours; undefined when the policy gives the step no deadline.
 */
export function stepDeadlineFor(
  policy: DeadlinePolicyDraft,
  processId: string,
  step: string,
  priority: Priority,
): StepDeadline | undefined {
  const rule = ruleFor(policy, processId, step, priority);
  if (!rule) return undefined;
  return { terms: termsOf(rule), workingHours: policy.workingHours };
}
