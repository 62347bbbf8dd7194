import {
  authoriseByTable,
  checkFen,
  FieldChecks,
  type DecisionContext,
} from '../shared';
import { applyWaiverRule, checkRuleInputs } from './fee-waiver.apply-rule';
import type {
  ApplyWaiver,
  ApproveDiscretionaryWaiver,
  FeeWaiverCommand,
  RejectDiscretionaryWaiver,
  RequestWaiver,
} from './fee-waiver.commands';
import {
  RequesterCannotApproveError,
  WaiverCaseNotInTableError,
} from './fee-waiver.errors';
import { feeWaiverEvent as event } from './fee-waiver.event-factory';
import type { FeeWaiverEvent } from './fee-waiver.events';
import {
  P17_WAIVER_TABLE,
  waiverTableInForce,
  type WaiverTableVersion,
} from './fee-waiver.rule-table';
import type { FeeWaiverState } from './fee-waiver.state';
import { FEE_WAIVER_TRANSITIONS } from './fee-waiver.transitions';
import { isWaiverTableVersion } from './waiver-rule-table.decide';

export const FEE_WAIVER_PROCESS_ID = 'fee-waiver';

const CONTACT_OUTCOMES = ['reached', 'unreachable'] as const;

function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}

/** The versions to choose from: those filled in, else the manual's. */
function tablesOf(value: unknown): WaiverTableVersion[] {
  return Array.isArray(value) &&
    value.length > 0 &&
    value.every(isWaiverTableVersion)
    ? (value as WaiverTableVersion[])
    : [P17_WAIVER_TABLE];
}

/**
 * The request is decided by the row of the table version in force now:
 * the event records the version, the row and the inputs it used.
 */
function decideRequest(
  command: RequestWaiver,
  context: DecisionContext,
): FeeWaiverEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (!p) checks.throwIfAny(command.type);
  const payload = p as Record<string, unknown>;

  for (const field of ['ticketNumber', 'orderId', 'memberId'] as const) {
    checks.nonBlank(`payload.${field}`, payload[field]);
  }
  if (checks.record('payload.caller', payload.caller)) {
    checks.phoneNumber('payload.caller.phone', payload.caller.phone);
    checks.optionalString('payload.caller.name', payload.caller.name);
  }
  checks.pastInstant('payload.callTime', payload.callTime, context.now);
  checkFen(checks, 'payload.orderFeeFen', payload.orderFeeFen, {
    positive: true,
  });
  checks.optionalString('payload.reason', payload.reason);
  const caseKnown = checks.nonBlank('payload.caseCode', payload.caseCode);
  checks.throwIfAny(command.type);

  const table = waiverTableInForce(tablesOf(payload.ruleTables), context.now);
  // The manual's own table is in force from 2017, so one always is.
  const inForce = table ?? P17_WAIVER_TABLE;
  const row = inForce.rows.find((r) => r.caseCode === payload.caseCode);
  if (!caseKnown || !row) {
    throw new WaiverCaseNotInTableError(
      String(payload.caseCode),
      inForce.version,
      inForce.rows.map((r) => r.caseCode),
    );
  }
  checkRuleInputs(checks, row, payload, context.now);
  checks.throwIfAny(command.type);

  const request = command.payload;
  const decision = applyWaiverRule(row, request);
  const { caller } = request;
  return [
    event('fee-waiver.requested', {
      ticketNumber: request.ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      orderId: request.orderId,
      memberId: request.memberId,
      caller:
        caller.name === undefined
          ? { phone: caller.phone }
          : { phone: caller.phone, name: caller.name },
      callTime: new Date(request.callTime).toISOString(),
      caseCode: request.caseCode,
      orderFeeFen: request.orderFeeFen,
      reason: request.reason,
      requestedBy: context.actor.id,
    }),
    event('fee-waiver.rule-applied', {
      table: { version: inForce.version, effectiveFrom: inForce.effectiveFrom },
      row: { ...row },
      inputs: decision.inputs,
      outcome: decision.outcome,
      waiverFen: decision.waiverFen,
      chargeUntil: decision.chargeUntil,
      notWaivedReason: decision.notWaivedReason,
    }),
  ];
}

/**
 * The supervisor grants up to the whole order fee (P17 names neither the
 * approver of 酌情减免 nor a limit).
 */
function decideApprove(
  command: ApproveDiscretionaryWaiver,
  state: FeeWaiverState,
  context: DecisionContext,
): FeeWaiverEvent[] {
  // Four eyes on money: one person holding both roles may not approve
  // the waiver they asked for.
  if (state.requestedBy === context.actor.id) {
    throw new RequesterCannotApproveError(context.actor.id);
  }
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    if (
      checkFen(checks, 'payload.approvedWaiverFen', p.approvedWaiverFen, {
        positive: true,
      }) &&
      p.approvedWaiverFen > (state.orderFeeFen as number)
    ) {
      checks.fail('payload.approvedWaiverFen', 'must not exceed the order fee');
    }
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { approvedWaiverFen, note } = command.payload;
  return [
    event('fee-waiver.discretionary-approved', { approvedWaiverFen, note }),
  ];
}

function decideReject(command: RejectDiscretionaryWaiver): FeeWaiverEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.reason', p.reason);
  checks.throwIfAny(command.type);
  return [
    event('fee-waiver.discretionary-rejected', {
      reason: command.payload.reason,
    }),
  ];
}

/** The agent applies exactly what was granted and tells the user. */
function decideApply(
  command: ApplyWaiver,
  state: FeeWaiverState,
): FeeWaiverEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.billingReference', p.billingReference);
    checks.oneOf('payload.contactOutcome', p.contactOutcome, CONTACT_OUTCOMES);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { billingReference, contactOutcome, note } = command.payload;
  return [
    event('fee-waiver.waiver-applied', {
      waivedFen: state.grantedFen as number,
      billingReference,
      contactOutcome,
      note,
    }),
  ];
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state from the transition table, then the data, then the rule table.
 */
export function decideFeeWaiver(
  command: FeeWaiverCommand,
  state: FeeWaiverState,
  context: DecisionContext,
): FeeWaiverEvent[] {
  authoriseByTable(
    FEE_WAIVER_PROCESS_ID,
    FEE_WAIVER_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'RequestWaiver':
      return decideRequest(command, context);
    case 'ApproveDiscretionaryWaiver':
      return decideApprove(command, state, context);
    case 'RejectDiscretionaryWaiver':
      return decideReject(command);
    case 'ApplyWaiver':
      return decideApply(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
