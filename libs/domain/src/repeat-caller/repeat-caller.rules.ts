import type { RepeatCallSubject } from './repeat-caller.subjects';

/**
 * When calls count as repeats: `threshold` calls (this one included) by
 * the same caller on the same subject within `windowHours`. The manual
 * gives no numbers (重复来电类敏感问题上报流程 leaves them open), so
 * both are configured.
 */
export interface RepeatCallRules {
  windowHours: number;
  threshold: number;
}

export const DEFAULT_REPEAT_CALL_RULES: RepeatCallRules = {
  windowHours: 72,
  threshold: 3,
};

/**
 * An earlier call of the same caller as the read model knows it, looked
 * up before the decision (the look-up is I/O; judging it is not).
 */
export interface EarlierCall {
  ticketId: string;
  ticketNumber?: string;
  subject: string;
  calledAt: string;
  status: string;
  /** The escalation this call is linked into, if any. */
  linkedInto?: string;
}

export interface LinkedCall {
  ticketId: string;
  ticketNumber?: string;
  calledAt: string;
}

const HOUR_MS = 3_600_000;

/** Plain call records, open or closed: a settled call still counts. */
const COUNTED_STATUSES: readonly string[] = ['CALL_RECORDED', 'CALL_CLOSED'];

/**
 * The earlier calls a new call links, or none when it is not yet a
 * repeat. A call counts when it is a plain call record (not itself an
 * escalation, not linked into one), on the same subject, at or before
 * the new call and no more than the window before it. The new call
 * links them all once it is the `threshold`-th. A call after an
 * escalation starts the count afresh among the calls not linked.
 * TODO(#11): a call unlinked as "another matter" counts again on the
 * next call (the unlink restores it to what it was); remembering the
 * manager's judgement needs the unlink visible to the look-up.
 */
export function repeatCallsToLink(
  call: { ticketId: string; subject: RepeatCallSubject; calledAt: string },
  earlier: readonly EarlierCall[],
  rules: RepeatCallRules,
): LinkedCall[] {
  const at = Date.parse(call.calledAt);
  const counted = earlier.filter((candidate) => {
    const then = Date.parse(candidate.calledAt);
    return (
      candidate.ticketId !== call.ticketId &&
      COUNTED_STATUSES.includes(candidate.status) &&
      candidate.linkedInto === undefined &&
      candidate.subject === call.subject &&
      then <= at &&
      at - then <= rules.windowHours * HOUR_MS
    );
  });
  if (counted.length + 1 < rules.threshold) return [];
  return counted
    .sort((a, b) => Date.parse(a.calledAt) - Date.parse(b.calledAt))
    .map(({ ticketId, ticketNumber, calledAt }) =>
      ticketNumber === undefined
        ? { ticketId, calledAt }
        : { ticketId, ticketNumber, calledAt },
    );
}
