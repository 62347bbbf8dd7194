import { FieldChecks, isRecord, isRoleId } from '../shared';
import { PRIORITIES } from './deadline-policy.types';
import { isClockTime, minutesOfDay } from './shanghai-time';

/** Per process id, the steps (statuses) a policy may set deadlines for. */
export type DeadlineSteps = Readonly<Record<string, readonly string[]>>;

const YEAR_MINUTES = 366 * 24 * 60;
const ACTIONS = ['notify', 'escalate', 'raise-priority'] as const;

function positiveMinutes(value: unknown, max: number): value is number {
  return (
    Number.isSafeInteger(value) &&
    (value as number) > 0 &&
    (value as number) <= max
  );
}

function checkMinuteList(
  checks: FieldChecks,
  field: string,
  value: unknown,
  max: number,
  problem: string,
): void {
  if (!Array.isArray(value)) {
    checks.fail(field, 'must be an array of minutes');
    return;
  }
  if (new Set(value).size !== value.length) {
    checks.fail(field, 'must not repeat a value');
  }
  value.forEach((minutes, i) => {
    if (!positiveMinutes(minutes, max)) checks.fail(`${field}.${i}`, problem);
  });
}

function checkActions(checks: FieldChecks, field: string, value: unknown) {
  if (!Array.isArray(value)) {
    checks.fail(field, 'must be an array of actions');
    return;
  }
  value.forEach((action: unknown, i) => {
    const at = `${field}.${i}`;
    if (!checks.record(at, action)) return;
    if (!checks.oneOf(`${at}.type`, action.type, ACTIONS)) return;
    if (action.type === 'escalate' && !isRoleId(String(action.role))) {
      checks.fail(`${at}.role`, 'must be a role id');
    }
    if (action.type === 'raise-priority') {
      checks.oneOf(`${at}.to`, action.to, PRIORITIES);
    }
  });
}

function checkTerms(checks: FieldChecks, field: string, value: unknown) {
  if (!checks.record(field, value)) return;
  const clock = value.clock;
  if (
    !checks.oneOf(`${field}.clock`, clock, [
      'elapsed',
      'working',
      'end-of-working-day',
    ] as const)
  ) {
    return;
  }
  if (clock === 'end-of-working-day') {
    checkMinuteList(
      checks,
      `${field}.warnBeforeMinutes`,
      value.warnBeforeMinutes,
      24 * 60,
      'must be a whole number of minutes, 1 to 1440',
    );
  } else {
    const deadline = value.deadlineMinutes;
    if (!positiveMinutes(deadline, YEAR_MINUTES)) {
      checks.fail(
        `${field}.deadlineMinutes`,
        'must be a whole number of minutes, 1 or more',
      );
    }
    checkMinuteList(
      checks,
      `${field}.warnAfterMinutes`,
      value.warnAfterMinutes,
      positiveMinutes(deadline, YEAR_MINUTES) ? deadline - 1 : YEAR_MINUTES,
      'must be a whole number of minutes before the deadline',
    );
  }
  checkActions(checks, `${field}.onBreach`, value.onBreach);
}

function checkWorkingHours(checks: FieldChecks, field: string, value: unknown) {
  if (!Array.isArray(value) || value.length === 0) {
    checks.fail(field, 'must list at least one working period');
    return;
  }
  let previousEnd = -1;
  value.forEach((period: unknown, i) => {
    const at = `${field}.${i}`;
    if (!checks.record(at, period)) return;
    const from = period.from;
    const to = period.to;
    const fromOk = isClockTime(from);
    const toOk = isClockTime(to);
    if (!fromOk) checks.fail(`${at}.from`, 'must be HH:MM');
    if (!toOk) checks.fail(`${at}.to`, 'must be HH:MM');
    if (!fromOk || !toOk) return;
    const start = minutesOfDay(from);
    const end = minutesOfDay(to);
    if (start >= end) checks.fail(at, 'must end after it starts');
    if (start < previousEnd) {
      checks.fail(at, 'must start after the previous period ends');
    }
    previousEnd = end;
  });
}

function checkRules(
  checks: FieldChecks,
  field: string,
  value: unknown,
  steps: DeadlineSteps,
) {
  if (!Array.isArray(value)) {
    checks.fail(field, 'must be an array of rules');
    return;
  }
  const seen = new Set<string>();
  value.forEach((rule: unknown, i) => {
    const at = `${field}.${i}`;
    if (!checks.record(at, rule)) return;
    const known = steps[String(rule.processId)];
    if (!known) {
      checks.fail(
        `${at}.processId`,
        `must be one of: ${Object.keys(steps).join(', ')}`,
      );
    } else if (!known.includes(String(rule.step))) {
      checks.fail(`${at}.step`, `must be a step of ${String(rule.processId)}`);
    }
    if (rule.priority !== undefined) {
      checks.oneOf(`${at}.priority`, rule.priority, PRIORITIES);
    }
    const priority = String(rule.priority ?? 'normal');
    const key = `${String(rule.processId)}/${String(rule.step)}/${priority}`;
    if (seen.has(key)) {
      checks.fail(at, 'repeats a rule for the same step and priority');
    }
    seen.add(key);
    checkTerms(checks, at, rule);
  });
}

/** Every problem of a proposed policy, with `prefix` on each field. */
export function checkDeadlinePolicyDraft(
  checks: FieldChecks,
  prefix: string,
  value: unknown,
  steps: DeadlineSteps,
): void {
  if (!isRecord(value)) {
    checks.fail(prefix, 'must be an object');
    return;
  }
  checkWorkingHours(checks, `${prefix}.workingHours`, value.workingHours);
  checkRules(checks, `${prefix}.rules`, value.rules, steps);
  checks.optionalString(`${prefix}.note`, value.note);
}
