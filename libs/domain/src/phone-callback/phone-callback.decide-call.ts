import { shanghaiDayOf, MINUTE_MS } from '../deadlines/shanghai-time';
import { FieldChecks, isRecord, type DecisionContext } from '../shared';
import type {
  ConcludeCall,
  OpenCallback,
  PrepareCallback,
  RecordCallAttempt,
  ReportUnreached,
} from './phone-callback.commands';
import {
  CallbackAttemptTooSoonError,
  CallbackDayOverError,
} from './phone-callback.errors';
import { callbackEvent } from './phone-callback.event-factory';
import {
  CALLBACK_REASONS,
  type AttemptOutcome,
  type PhoneCallbackEvent,
  type SecondCaller,
} from './phone-callback.events';
import {
  CALLBACK_RULES,
  type PhoneCallbackState,
} from './phone-callback.state';

const OUTCOMES: readonly AttemptOutcome[] = [
  'answered',
  'no-answer',
  'not-convenient',
];
const SECOND_CALLERS: readonly SecondCaller[] = [
  'cs-shift-leader',
  'cs-supervisor',
];

function payloadOf(checks: FieldChecks, payload: unknown) {
  return checks.record('payload', payload) ? payload : undefined;
}

export function decideOpenCallback(
  command: OpenCallback,
  context: DecisionContext,
): PhoneCallbackEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.nonBlank('payload.ticketNumber', p.ticketNumber);
    checks.oneOf('payload.reason', p.reason, CALLBACK_REASONS);
    if (checks.record('payload.contact', p.contact)) {
      checks.optionalString('payload.contact.name', p.contact.name);
      checks.phoneNumber('payload.contact.phone', p.contact.phone);
    }
    checks.nonBlank('payload.subject', p.subject);
    if (p.origin !== undefined && checks.record('payload.origin', p.origin)) {
      checks.nonBlank('payload.origin.processId', p.origin.processId);
      checks.nonBlank('payload.origin.ticketId', p.origin.ticketId);
      checks.optionalNonBlank(
        'payload.origin.ticketNumber',
        p.origin.ticketNumber,
      );
    }
    checks.optionalNonBlank('payload.subsidiaryId', p.subsidiaryId);
    if (p.reason === 'result-notification' && !isRecord(p.origin)) {
      checks.fail('payload.origin', 'is required to report a ticket’s result');
    }
  }
  checks.throwIfAny(command.type);

  const { ticketNumber, reason, contact, subject, origin, subsidiaryId } =
    command.payload;
  return [
    callbackEvent('phone-callback.opened', {
      ticketNumber,
      reason,
      contact: contact.name
        ? { name: contact.name, phone: contact.phone }
        : { phone: contact.phone },
      subject,
      origin: origin && {
        processId: origin.processId,
        ticketId: origin.ticketId,
        ...(origin.ticketNumber ? { ticketNumber: origin.ticketNumber } : {}),
      },
      // One an agent opens belongs to the agent's subsidiary.
      subsidiaryId:
        subsidiaryId ??
        (context.actor.kind === 'person'
          ? context.actor.subsidiary
          : undefined),
    }),
  ];
}

function checkNoteOnly(command: PrepareCallback | ReportUnreached): void {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);
}

/** 4.1 */
export function decidePrepareCallback(
  command: PrepareCallback,
): PhoneCallbackEvent[] {
  checkNoteOnly(command);
  return [
    callbackEvent('phone-callback.prepared', { note: command.payload.note }),
  ];
}

/**
 * 4.2: a call at the decision instant. Calls keep to the day of the first
 * one and are at least 30 minutes apart; the third unanswered one sends
 * the user to the shift leader in the same append.
 */
export function decideRecordCallAttempt(
  command: RecordCallAttempt,
  state: PhoneCallbackState,
  context: DecisionContext,
): PhoneCallbackEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.oneOf('payload.outcome', p.outcome, OUTCOMES);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const nowMs = Date.parse(context.now);
  const earlier = state.attempts;
  if (earlier.length > 0) {
    const firstDay = shanghaiDayOf(Date.parse(earlier[0].at));
    const today = shanghaiDayOf(nowMs);
    if (today !== firstDay) {
      throw new CallbackDayOverError(command.ticketId, firstDay, today);
    }
    const last = earlier[earlier.length - 1];
    const earliestMs =
      Date.parse(last.at) +
      CALLBACK_RULES.minMinutesBetweenAttempts * MINUTE_MS;
    if (nowMs < earliestMs) {
      throw new CallbackAttemptTooSoonError(
        command.ticketId,
        last.at,
        new Date(earliestMs).toISOString(),
      );
    }
  }

  const { outcome, note } = command.payload;
  const attemptNo = earlier.length + 1;
  const lastAllowed = attemptNo >= CALLBACK_RULES.maxAttempts;
  return [
    callbackEvent('phone-callback.attempt-recorded', {
      attemptNo,
      at: context.now,
      outcome,
      note,
      unreachedReported:
        outcome !== 'answered' && lastAllowed ? true : undefined,
    }),
  ];
}

/**
 * 4.2: fewer than three calls were possible (the day is ending), and the
 * agent sends the unreached user on before going off shift.
 */
export function decideReportUnreached(
  command: ReportUnreached,
  state: PhoneCallbackState,
  context: DecisionContext,
): PhoneCallbackEvent[] {
  checkNoteOnly(command);
  return [
    callbackEvent('phone-callback.unreached-reported', {
      attempts: state.attempts.length,
      reportedAt: context.now,
      note: command.payload.note,
    }),
  ];
}

/** 4.4–4.6: the result given; the user satisfied, or on to a leader. */
export function decideConcludeCall(
  command: ConcludeCall,
): PhoneCallbackEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p && checks.boolean('payload.userSatisfied', p.userSatisfied)) {
    if (p.userSatisfied) {
      checks.optionalString('payload.note', p.note);
    } else {
      checks.nonBlank('payload.doubts', p.doubts);
      if (p.escalateTo !== undefined) {
        checks.oneOf('payload.escalateTo', p.escalateTo, SECOND_CALLERS);
      }
    }
  }
  checks.throwIfAny(command.type);

  const payload = command.payload;
  if (payload.userSatisfied) {
    return [
      callbackEvent('phone-callback.closed-satisfied', { note: payload.note }),
    ];
  }
  return [
    callbackEvent('phone-callback.escalated', {
      to: payload.escalateTo ?? 'cs-shift-leader',
      doubts: payload.doubts,
    }),
  ];
}
