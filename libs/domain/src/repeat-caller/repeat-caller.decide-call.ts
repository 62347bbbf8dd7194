import {
  FieldChecks,
  isIsoInstant,
  isNonBlankString,
  isRecord,
  type DecisionContext,
} from '../shared';
import type {
  CloseCall,
  RecordCall,
  UnlinkCall,
} from './repeat-caller.commands';
import { CallNotLinkedError } from './repeat-caller.errors';
import { repeatCallerEvent as event } from './repeat-caller.event-factory';
import type { RepeatCallerEvent } from './repeat-caller.events';
import { payloadChecks } from './repeat-caller.payload-checks';
import {
  DEFAULT_REPEAT_CALL_RULES,
  repeatCallsToLink,
  type RepeatCallRules,
} from './repeat-caller.rules';
import type { RepeatCallerState } from './repeat-caller.state';
import { REPEAT_CALL_SUBJECT_IDS } from './repeat-caller.subjects';

// The call and its links: recording, the repeat check, closing, unlinking.

function isEarlierCall(value: unknown): boolean {
  return (
    isRecord(value) &&
    isNonBlankString(value.ticketId) &&
    typeof value.subject === 'string' &&
    isIsoInstant(value.calledAt) &&
    typeof value.status === 'string' &&
    (value.linkedInto === undefined || typeof value.linkedInto === 'string') &&
    (value.ticketNumber === undefined || typeof value.ticketNumber === 'string')
  );
}

function checkCallFields(
  checks: FieldChecks,
  p: Record<string, unknown>,
  context: DecisionContext,
) {
  checks.nonBlank('payload.ticketNumber', p.ticketNumber);
  const caller = p.caller;
  let phone: unknown;
  if (checks.record('payload.caller', caller)) {
    phone = caller.phone;
    if (phone !== undefined) checks.phoneNumber('payload.caller.phone', phone);
    checks.optionalString('payload.caller.name', caller.name);
  }
  checks.optionalNonBlank('payload.memberId', p.memberId);
  const identified = phone !== undefined || p.memberId !== undefined;
  if (!identified) {
    checks.fail(
      'payload.caller.phone',
      'a phone number or a member id is required',
    );
  }
  checks.oneOf('payload.subject', p.subject, REPEAT_CALL_SUBJECT_IDS);
  checks.nonBlank('payload.issue', p.issue);
  checks.nonBlank('payload.promisedTimeframe', p.promisedTimeframe);
  checks.pastInstant('payload.calledAt', p.calledAt, context.now);
  const keys = p.callerKeys;
  if (
    identified &&
    !(Array.isArray(keys) && keys.length > 0 && keys.every(isNonBlankString))
  ) {
    checks.fail('payload.callerKeys', 'must list the caller’s match keys');
  }
  if (!(Array.isArray(p.earlierCalls) && p.earlierCalls.every(isEarlierCall))) {
    checks.fail(
      'payload.earlierCalls',
      'must list the earlier calls looked up',
    );
  }
}

/** Boxes 2–3, and the repeat check: the threshold-th call links the rest. */
export function decideRecordCall(
  command: RecordCall,
  context: DecisionContext,
  rules: RepeatCallRules,
): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checkCallFields(checks, p, context);
  checks.throwIfAny(command.type);

  const { caller, subject, calledAt } = command.payload;
  const recorded = event('repeat-caller.call-recorded', {
    ticketNumber: command.payload.ticketNumber,
    subsidiaryId: context.actor.subsidiary,
    caller: Object.fromEntries(
      Object.entries({ phone: caller.phone, name: caller.name }).filter(
        ([, value]) => value !== undefined,
      ),
    ),
    memberId: command.payload.memberId,
    callerKeys: command.payload.callerKeys,
    subject,
    issue: command.payload.issue,
    promisedTimeframe: command.payload.promisedTimeframe,
    calledAt: new Date(calledAt).toISOString(),
    decision: {
      inputs: {
        rules: { windowHours: rules.windowHours, threshold: rules.threshold },
        earlierCalls: command.payload.earlierCalls,
      },
    },
  });
  const linkedCalls = repeatCallsToLink(
    { ticketId: command.ticketId, subject, calledAt },
    command.payload.earlierCalls,
    rules,
  );
  if (linkedCalls.length === 0) return [recorded];
  const callCount = linkedCalls.length + 1;
  return [
    event('repeat-caller.calls-linked', {
      linkedCalls,
      callCount,
      rules: { windowHours: rules.windowHours, threshold: rules.threshold },
    }),
    recorded,
    event('repeat-caller.sensitive-issue-escalated', {
      to: 'cs-manager-outsourcer',
      callCount,
    }),
  ];
}

/** A plain call settled by the agent. */
export function decideClose(command: CloseCall): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.resolution', p.resolution);
  checks.throwIfAny(command.type);

  return [
    event('repeat-caller.call-closed', {
      resolution: command.payload.resolution,
    }),
  ];
}

/**
 * A linked call taken out. Below the threshold the link decided on, the
 * escalation is withdrawn and the remaining links released.
 */
export function decideUnlink(
  command: UnlinkCall,
  state: RepeatCallerState,
): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.linkedTicketId', p.linkedTicketId);
    checks.nonBlank('payload.reason', p.reason);
  }
  checks.throwIfAny(command.type);

  const { linkedTicketId, reason } = command.payload;
  if (!state.linkedTicketIds.includes(linkedTicketId)) {
    throw new CallNotLinkedError(
      command.ticketId,
      linkedTicketId,
      state.linkedTicketIds,
    );
  }
  const remaining = state.linkedTicketIds.filter((id) => id !== linkedTicketId);
  const callCount = remaining.length + 1;
  const threshold = state.linkThreshold ?? DEFAULT_REPEAT_CALL_RULES.threshold;
  return [
    event('repeat-caller.calls-unlinked', {
      ticketIds: [linkedTicketId],
      reason,
      withdrawal:
        callCount >= threshold
          ? undefined
          : { releasedTicketIds: remaining, callCount, threshold },
    }),
  ];
}
