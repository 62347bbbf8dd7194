import type { RecordedEvent } from '@opsdesk/event-store';
import { flatten } from '../text/flatten';

/** A deadline the log knew of at the instant asked about. */
export interface KnownDeadline {
  /** Where it was read: a field of the fold, or a timer's event. */
  source: string;
  step: string | null;
  level: string | null;
  dueAt: string | null;
  deadlineAt: string | null;
  /** Whether the deadline had passed at the instant asked about. */
  passed: boolean;
}

const DEADLINE_FIELD = /(deadline|due)[a-z]*$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Deadlines as far as the log records them: fields of the fold whose name
 * says deadline or due, and the timers' events (their data names a
 * `deadlineAt` or `dueAt`). Read by shape, not by type, because the
 * deadline rules (issue #6) are being written beside this tool.
 * TODO(#4): read the deadline fold of issue #6 directly once it is
 * settled, and show the deadlines still to come, not only those recorded.
 */
export function knownDeadlines(
  state: object,
  events: readonly RecordedEvent[],
  at: string,
): KnownDeadline[] {
  const atMs = Date.parse(at);
  const passed = (instant: string | null) =>
    instant !== null && Date.parse(instant) <= atMs;
  const found: KnownDeadline[] = [];
  for (const [field, value] of flatten(state)) {
    if (!DEADLINE_FIELD.test(field) || !isInstant(value)) continue;
    found.push({
      source: `state.${field}`,
      step: null,
      level: null,
      dueAt: null,
      deadlineAt: value,
      passed: passed(value),
    });
  }
  for (const event of events) {
    const { deadlineAt, dueAt, step, level } = event.data;
    if (!isInstant(deadlineAt) && !isInstant(dueAt)) continue;
    const deadline = isInstant(deadlineAt) ? deadlineAt : null;
    found.push({
      source: `r${event.revision} ${event.type}`,
      step: typeof step === 'string' ? step : null,
      level: typeof level === 'string' ? level : null,
      dueAt: isInstant(dueAt) ? dueAt : null,
      deadlineAt: deadline,
      passed: passed(deadline),
    });
  }
  return found;
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value);
}
