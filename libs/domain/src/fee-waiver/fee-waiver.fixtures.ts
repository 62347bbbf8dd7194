// Shared by the fee-waiver specs. Givens are written out by hand, so a
// decider bug cannot hide in them.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  FeeWaiverCommand,
  FeeWaiverCommandType,
  RequestWaiver,
} from './fee-waiver.commands';
import type { FeeWaiverEvent, WaiverRuleApplied } from './fee-waiver.events';
import {
  P17_WAIVER_TABLE,
  type WaiverTableVersion,
} from './fee-waiver.rule-table';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000017';
/** 2026-03-02 14:00 in Shanghai. */
export const NOW = '2026-03-02T06:00:00.000Z';
/** The user's first call, 40 minutes earlier. */
export const CALL_TIME = '2026-03-02T05:20:00.000Z';

export function actor(role: RoleId, overrides: Partial<Actor> = {}): Actor {
  return {
    id: `${role}-1`,
    role,
    kind: 'person',
    subsidiary: 'sh',
    ...overrides,
  };
}

export function ctx(
  role: RoleId,
  overrides: Partial<Actor> = {},
  now = NOW,
): DecisionContext {
  return { now, actor: actor(role, overrides) };
}

type CommandOf<T extends FeeWaiverCommandType> = Extract<
  FeeWaiverCommand,
  { type: T }
>;

export function command<T extends FeeWaiverCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

/** A request for `caseCode` with a ¥48.00 order, and the given inputs. */
export function request(
  caseCode: string,
  inputs: Partial<RequestWaiver['payload']> = {},
  ruleTables: WaiverTableVersion[] = [P17_WAIVER_TABLE],
): RequestWaiver {
  return command('RequestWaiver', {
    ticketNumber: 'FW-20260302-0001',
    ruleTables,
    orderId: 'ORD-20260302-10001',
    memberId: 'M-310000-7788',
    caller: { phone: '13900001111' },
    callTime: CALL_TIME,
    caseCode,
    orderFeeFen: 4800,
    ...inputs,
  });
}

export function requested(
  caseCode: string,
  extra: Record<string, unknown> = {},
): FeeWaiverEvent {
  return {
    type: 'fee-waiver.requested',
    schemaVersion: 1,
    data: {
      ticketNumber: 'FW-20260302-0001',
      subsidiaryId: 'sh',
      orderId: 'ORD-20260302-10001',
      memberId: 'M-310000-7788',
      caller: { phone: '13900001111' },
      callTime: CALL_TIME,
      caseCode,
      orderFeeFen: 4800,
      // The agent of ctx('cs-phone-agent').
      requestedBy: 'cs-phone-agent-1',
      ...extra,
    },
  } as FeeWaiverEvent;
}

/** The rule-applied event for row `n` of the manual's table. */
export function ruleApplied(
  n: number,
  decision: Omit<WaiverRuleApplied['data'], 'table' | 'row'>,
  table: WaiverTableVersion = P17_WAIVER_TABLE,
): FeeWaiverEvent {
  const row = table.rows.find((r) => r.row === n)!;
  return {
    type: 'fee-waiver.rule-applied',
    schemaVersion: 1,
    data: {
      table: { version: table.version, effectiveFrom: table.effectiveFrom },
      row,
      ...decision,
    },
  };
}

export const events = {
  discretionaryRequested: requested('lost-belongings', {
    reason: '用户称手机遗落车内，多次要求减免',
  }),
  discretionaryDecided: ruleApplied(11, {
    inputs: { proposedWaiverFen: 1500 },
    outcome: 'needs-approval',
    waiverFen: 1500,
  }),
  fullRequested: requested('cannot-open-door-at-station'),
  fullDecided: ruleApplied(4, {
    inputs: {},
    outcome: 'waive',
    waiverFen: 4800,
  }),
  approved: {
    type: 'fee-waiver.discretionary-approved',
    schemaVersion: 1,
    data: { approvedWaiverFen: 1200 },
  },
  rejected: {
    type: 'fee-waiver.discretionary-rejected',
    schemaVersion: 1,
    data: { reason: '用户自身原因，不予减免' },
  },
  applied: {
    type: 'fee-waiver.waiver-applied',
    schemaVersion: 1,
    data: {
      waivedFen: 4800,
      billingReference: 'BILL-ADJ-88123',
      contactOutcome: 'reached',
    },
  },
} satisfies Record<string, FeeWaiverEvent>;

export const historyOf = {
  AWAITING_APPROVAL: [
    events.discretionaryRequested,
    events.discretionaryDecided,
  ],
  WAIVER_GRANTED: [events.fullRequested, events.fullDecided],
  CLOSED_WAIVED: [events.fullRequested, events.fullDecided, events.applied],
  CLOSED_REJECTED: [
    events.discretionaryRequested,
    events.discretionaryDecided,
    events.rejected,
  ],
  CLOSED_NOT_WAIVED: [
    requested('tyre-problem'),
    ruleApplied(7, {
      inputs: { vehicleUsed: true },
      outcome: 'not-waived',
      waiverFen: 0,
      notWaivedReason: 'vehicle-used',
    }),
  ],
} satisfies Record<string, FeeWaiverEvent[]>;
