import { decideRecordDeadline } from '../deadlines/record-deadline';
import {
  authoriseByTable,
  eventFactory,
  FieldChecks,
  isRecord,
  type DecisionContext,
} from '../shared';
import type {
  CheckCourierRecord,
  CourierLookup,
  GuideSelfCheck,
  LookUpCardProgress,
  MembershipCardCommand,
  ReceiveCardInquiry,
  RecordApplicationRejected,
} from './membership-card.commands';
import type { MembershipCardEvent } from './membership-card.events';
import type { MembershipCardState } from './membership-card.state';
import { MEMBERSHIP_CARD_TRANSITIONS } from './membership-card.transitions';

export const MEMBERSHIP_CARD_PROCESS_ID = 'membership-card';

const event = eventFactory<MembershipCardEvent>(1);

function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  if (p) checks.optionalString('payload.note', p.note);
  return { checks, p };
}

/** 4.2 */
function decideInquiry(
  command: ReceiveCardInquiry,
  context: DecisionContext,
): MembershipCardEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.ticketNumber', p.ticketNumber);
    checks.nonBlank('payload.memberId', p.memberId);
    if (p.caller !== undefined && checks.record('payload.caller', p.caller)) {
      checks.phoneNumber('payload.caller.phone', p.caller.phone);
    }
  }
  checks.throwIfAny(command.type);

  const { ticketNumber, memberId, caller } = command.payload;
  return [
    event('membership-card.inquiry-received', {
      ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      // The table lets only the two agents open an inquiry.
      channel: context.actor.role === 'cs-online-agent' ? 'online' : 'phone',
      memberId: memberId.trim(),
      caller: caller && { phone: caller.phone },
    }),
  ];
}

function decideSelfCheck(command: GuideSelfCheck): MembershipCardEvent[] {
  const { checks } = payloadChecks(command.payload);
  checks.throwIfAny(command.type);
  return [
    event('membership-card.user-guided-to-self-check', {
      note: command.payload.note,
    }),
  ];
}

/** 4.3.1: the reason where the platform has one ("暂时查不到"). */
function decideRejected(
  command: RecordApplicationRejected,
): MembershipCardEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalNonBlank('payload.reason', p.reason);
  checks.throwIfAny(command.type);

  const { reason, note } = command.payload;
  return [
    event('membership-card.rejection-reason-looked-up', {
      reasonKnown: reason !== undefined,
      reason,
    }),
    event('membership-card.user-informed-of-rejection', { note }),
  ];
}

/** The look-up the runtime filled in must be well formed. */
function checkLookup(checks: FieldChecks, value: unknown): void {
  if (!checks.record('payload.courier', value)) return;
  if (!checks.boolean('payload.courier.found', value.found)) return;
  if (value.found) {
    checks.nonBlank('payload.courier.courier', value.courier);
    checks.nonBlank('payload.courier.trackingNo', value.trackingNo);
    checks.isoInstant('payload.courier.mailedAt', value.mailedAt);
  }
}

function shippedEvents(found: CourierLookup, note?: string) {
  return [
    event('membership-card.tracking-number-looked-up', {
      courier: found.courier as string,
      trackingNo: found.trackingNo as string,
      cardNo: found.cardNo,
      mailedAt: found.mailedAt as string,
    }),
    event('membership-card.user-told-tracking-number', { note }),
  ];
}

/** 4.3.2: made and posted, or wait 3–5 working days. */
function decideProgress(
  command: LookUpCardProgress | CheckCourierRecord,
  context: DecisionContext,
): MembershipCardEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checkLookup(checks, p.courier);
  checks.throwIfAny(command.type);

  const { courier, note } = command.payload as {
    courier: CourierLookup;
    note?: string;
  };
  if (isRecord(courier) && courier.found) return shippedEvents(courier, note);
  if (command.type === 'LookUpCardProgress') {
    return [
      event('membership-card.user-told-to-wait', {
        waitingSince: context.now,
        note,
      }),
    ];
  }
  return [
    event('membership-card.card-still-not-mailed', {
      checkedAt: context.now,
      note,
    }),
  ];
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideMembershipCard(
  command: MembershipCardCommand,
  state: MembershipCardState,
  context: DecisionContext,
): MembershipCardEvent[] {
  authoriseByTable(
    MEMBERSHIP_CARD_PROCESS_ID,
    MEMBERSHIP_CARD_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'ReceiveCardInquiry':
      return decideInquiry(command, context);
    case 'GuideSelfCheck':
      return decideSelfCheck(command);
    case 'RecordApplicationRejected':
      return decideRejected(command);
    case 'LookUpCardProgress':
    case 'CheckCourierRecord':
      return decideProgress(command, context);
    case 'RecordDeadline':
      return decideRecordDeadline(
        MEMBERSHIP_CARD_PROCESS_ID,
        command,
        state,
        context,
      );
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
