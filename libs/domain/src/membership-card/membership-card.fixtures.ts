// Shared by the membership-card specs. Givens are written out here, not
// produced by the decider, so a decider bug cannot hide in them.
import type { DeadlineFacts } from '../deadlines/deadline-events';
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  CourierLookup,
  MembershipCardCommand,
  MembershipCardCommandType,
} from './membership-card.commands';
import type { MembershipCardEvent } from './membership-card.events';
import type { MembershipCardStatus } from './membership-card.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a00000000c0';
/** Tuesday 29 September 2026, 10:00 in Shanghai. */
export const NOW = '2026-09-29T02:00:00.000Z';
/** Friday 9 October 2026, 10:00: three working days after NOW. */
export const THREE_DAYS_ON = '2026-10-09T02:00:00.000Z';

export function ctx(
  role: RoleId,
  overrides: Partial<Actor> = {},
  now = NOW,
): DecisionContext {
  return {
    now,
    actor: {
      id: `${role}-1`,
      role,
      kind: role === 'system' ? 'automatic' : 'person',
      subsidiary: 'sh',
      ...overrides,
    },
  };
}

type CommandOf<T extends MembershipCardCommandType> = Extract<
  MembershipCardCommand,
  { type: T }
>;

export function command<T extends MembershipCardCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

export const mailed: CourierLookup = {
  found: true,
  courier: '顺丰速运',
  trackingNo: 'SF0000000004',
  cardNo: 'EV-000123',
  mailedAt: '2026-09-28T08:00:00.000Z',
};
export const notMailed: CourierLookup = { found: false };

export const payloads = {
  inquiry: {
    ticketNumber: 'MC-20260929-0001',
    memberId: 'M-310000-5521',
    caller: { phone: '13800138000' },
  },
  rejected: { reason: '驾驶证照片不清晰' },
};

/** The facts a timer sends for the 3-working-day warning. */
export const warning: DeadlineFacts = {
  step: 'AWAITING_CARD',
  startRevision: 2,
  stepStartedAt: NOW,
  level: 'warn-1',
  dueAt: THREE_DAYS_ON,
  deadlineAt: '2026-10-12T02:00:00.000Z',
  clock: 'working',
  policy: { policy: 'default', version: 1 },
  priority: 'normal',
};

const ev = <T extends MembershipCardEvent['type']>(
  type: T,
  data: Extract<MembershipCardEvent, { type: T }>['data'],
) =>
  ({ type, schemaVersion: 1, data }) as Extract<
    MembershipCardEvent,
    { type: T }
  >;

export const events = {
  received: (channel: 'phone' | 'online' = 'phone') =>
    ev('membership-card.inquiry-received', {
      ...payloads.inquiry,
      subsidiaryId: 'sh',
      channel,
    }),
  guided: ev('membership-card.user-guided-to-self-check', {}),
  reasonLookedUp: ev('membership-card.rejection-reason-looked-up', {
    reasonKnown: true,
    reason: payloads.rejected.reason,
  }),
  rejectionTold: ev('membership-card.user-informed-of-rejection', {}),
  trackingLookedUp: ev('membership-card.tracking-number-looked-up', {
    courier: '顺丰速运',
    trackingNo: 'SF0000000004',
    cardNo: 'EV-000123',
    mailedAt: '2026-09-28T08:00:00.000Z',
  }),
  trackingTold: ev('membership-card.user-told-tracking-number', {}),
  toldToWait: ev('membership-card.user-told-to-wait', { waitingSince: NOW }),
  stillNotMailed: ev('membership-card.card-still-not-mailed', {
    checkedAt: THREE_DAYS_ON,
  }),
  warned: ev('membership-card.deadline-warned', warning),
  breached: ev('membership-card.deadline-breached', {
    ...warning,
    level: 'breach',
    dueAt: warning.deadlineAt,
    actions: [{ type: 'notify' }, { type: 'escalate', role: 'cs-supervisor' }],
  }),
};

const e = events;

/** Events that bring an inquiry to each state, written out by hand. */
export const historyOf: Record<
  Exclude<MembershipCardStatus, 'NEW'>,
  MembershipCardEvent[]
> = {
  INQUIRY: [e.received()],
  STATUS_CHECK: [e.received(), e.guided],
  CLOSED_REJECTED: [e.received(), e.guided, e.reasonLookedUp, e.rejectionTold],
  CLOSED_SHIPPED: [e.received(), e.guided, e.trackingLookedUp, e.trackingTold],
  AWAITING_CARD: [e.received(), e.guided, e.toldToWait],
};
