import {
  authoriseByTable,
  checkFen,
  FieldChecks,
  type DecisionContext,
} from '../shared';
import type {
  OrderAnomalyCommand,
  RecordRestoreResult,
  RecordTechFinding,
  ReportOrderAnomaly,
  RequestECoinTopUp,
  ReviewTrajectory,
  SettleWithECoin,
} from './order-anomaly.commands';
import {
  SettlementAmountMismatchError,
  TechFindingAlreadyRecordedError,
} from './order-anomaly.errors';
import { orderAnomalyEvent as event } from './order-anomaly.event-factory';
import type { OrderAnomalyEvent } from './order-anomaly.events';
import type { OrderAnomalyState } from './order-anomaly.state';
import { ORDER_ANOMALY_TRANSITIONS } from './order-anomaly.transitions';

export const ORDER_ANOMALY_PROCESS_ID = 'order-anomaly';

const CONTACT_OUTCOMES = ['reached', 'unreachable'] as const;

function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}

/** Trigger: the agent takes the call about an order. */
function decideReport(
  command: ReportOrderAnomaly,
  context: DecisionContext,
): OrderAnomalyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    for (const field of [
      'ticketNumber',
      'orderId',
      'memberId',
      'vehicleId',
      'description',
    ] as const) {
      checks.nonBlank(`payload.${field}`, p[field]);
    }
    if (checks.record('payload.caller', p.caller)) {
      checks.phoneNumber('payload.caller.phone', p.caller.phone);
      checks.optionalString('payload.caller.name', p.caller.name);
    }
    checks.pastInstant('payload.callTime', p.callTime, context.now);
  }
  checks.throwIfAny(command.type);

  const { ticketNumber, orderId, memberId, vehicleId, caller } =
    command.payload;
  return [
    event('order-anomaly.reported', {
      ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      orderId,
      memberId,
      vehicleId,
      caller:
        caller.name === undefined
          ? { phone: caller.phone }
          : { phone: caller.phone, name: caller.name },
      callTime: command.payload.callTime,
      description: command.payload.description,
    }),
  ];
}

/** 4.1: when use began and ended, from the vehicle's trip record. */
function decideReview(
  command: ReviewTrajectory,
  context: DecisionContext,
): OrderAnomalyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    const started = checks.isoInstant(
      'payload.usageStartedAt',
      p.usageStartedAt,
    );
    // The trip record's times, not a person's: any age.
    const ended = checks.pastInstant(
      'payload.usageEndedAt',
      p.usageEndedAt,
      context.now,
      { anyAge: true },
    );
    if (
      started &&
      ended &&
      Date.parse(p.usageEndedAt as string) <=
        Date.parse(p.usageStartedAt as string)
    ) {
      checks.fail('payload.usageEndedAt', 'must be after usageStartedAt');
    }
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { usageStartedAt, usageEndedAt, note } = command.payload;
  return [
    event('order-anomaly.trajectory-reviewed', {
      usageStartedAt: new Date(usageStartedAt).toISOString(),
      usageEndedAt: new Date(usageEndedAt).toISOString(),
      note,
    }),
  ];
}

/** 4.2 / 4.3: the restore is tried with the trajectory's times. */
function decideRestore(
  command: RecordRestoreResult,
  state: OrderAnomalyState,
): OrderAnomalyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && checks.boolean('payload.restored', p.restored)) {
    // The other outcome's fields are refused, not dropped.
    if (p.restored) {
      checks.optionalString('payload.note', p.note);
      for (const field of ['reason', 'techSummary'] as const) {
        checks.absent(
          `payload.${field}`,
          p[field],
          'when the order is restored',
        );
      }
    } else {
      checks.nonBlank('payload.reason', p.reason);
      checks.nonBlank('payload.techSummary', p.techSummary);
      checks.absent('payload.note', p.note, 'when the order is not restored');
    }
  }
  checks.throwIfAny(command.type);

  const payload = command.payload;
  if (payload.restored) {
    return [
      event('order-anomaly.order-restored', {
        restoredStartAt: state.usageStartedAt as string,
        restoredEndAt: state.usageEndedAt as string,
      }),
      event('order-anomaly.user-guided-to-pay-in-app', { note: payload.note }),
    ];
  }
  return [
    event('order-anomaly.order-restore-failed', { reason: payload.reason }),
    event('order-anomaly.reported-to-tech-manager', {
      summary: payload.techSummary,
    }),
  ];
}

/** 4.3.1: the user is told how much E币 to top up. */
function decideTopUp(command: RequestECoinTopUp): OrderAnomalyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkFen(checks, 'payload.orderFeeFen', p.orderFeeFen, { positive: true });
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { orderFeeFen, note } = command.payload;
  return [
    event('order-anomaly.e-coin-top-up-requested', { orderFeeFen, note }),
  ];
}

/**
 * 4.3.2: deduct, settle, tell the user. The deduction must be the fee the
 * user was told to top up for: a different amount is a different promise.
 */
function decideSettle(
  command: SettleWithECoin,
  state: OrderAnomalyState,
  context: DecisionContext,
): OrderAnomalyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkFen(checks, 'payload.eCoinFen', p.eCoinFen, { positive: true });
    checks.oneOf('payload.contactOutcome', p.contactOutcome, CONTACT_OUTCOMES);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { eCoinFen, contactOutcome, note } = command.payload;
  const requested = state.orderFeeFen as number;
  if (eCoinFen !== requested) {
    throw new SettlementAmountMismatchError(
      command.ticketId,
      requested,
      eCoinFen,
    );
  }
  return [
    event('order-anomaly.e-coin-deducted', { eCoinFen }),
    event('order-anomaly.order-settled', {
      orderFeeFen: requested,
      settledAt: context.now,
    }),
    event('order-anomaly.user-notified-of-result', { contactOutcome, note }),
  ];
}

/** Gap: technical management says what went wrong, once. */
function decideTechFinding(
  command: RecordTechFinding,
  state: OrderAnomalyState,
): OrderAnomalyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.finding', p.finding);
    checks.boolean('payload.fixed', p.fixed);
  }
  checks.throwIfAny(command.type);

  if (state.techFinding) {
    throw new TechFindingAlreadyRecordedError(command.ticketId);
  }
  const { finding, fixed } = command.payload;
  return [event('order-anomaly.tech-finding-recorded', { finding, fixed })];
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideOrderAnomaly(
  command: OrderAnomalyCommand,
  state: OrderAnomalyState,
  context: DecisionContext,
): OrderAnomalyEvent[] {
  authoriseByTable(
    ORDER_ANOMALY_PROCESS_ID,
    ORDER_ANOMALY_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'ReportOrderAnomaly':
      return decideReport(command, context);
    case 'ReviewTrajectory':
      return decideReview(command, context);
    case 'RecordRestoreResult':
      return decideRestore(command, state);
    case 'RequestECoinTopUp':
      return decideTopUp(command);
    case 'SettleWithECoin':
      return decideSettle(command, state, context);
    case 'RecordTechFinding':
      return decideTechFinding(command, state);
    default: {
      // The table has already refused a type it does not list.
      const unknown: never = command;
      return unknown;
    }
  }
}
