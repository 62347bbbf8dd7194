// Shared by the phone-callback specs: one call-back reporting a
// station-fault result, its actors, and its events written out by hand.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  PhoneCallbackCommand,
  PhoneCallbackCommandType,
} from './phone-callback.commands';
import type {
  AttemptOutcome,
  PhoneCallbackEvent,
} from './phone-callback.events';

export const CALLBACK_ID = '5b0c1d2e-3f40-5a6b-8c7d-9e0f1a2b3c4d';

/** Shanghai wall-clock time as an ISO instant: `sh('2026-03-02 10:00')`. */
export function sh(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
}

const PEOPLE: Partial<Record<RoleId, string>> = {
  'cs-phone-agent': 'agent-zhang-min',
  'cs-shift-leader': 'leader-liu-yang',
  'cs-supervisor': 'supervisor-he-jing',
};

export function actor(role: RoleId): Actor {
  return { id: PEOPLE[role] ?? `${role}-1`, role, kind: 'person' };
}

/** A person of `role` deciding at Shanghai wall-clock time `local`. */
export function at(
  local: string,
  role: RoleId = 'cs-phone-agent',
): DecisionContext {
  return { now: sh(local), actor: actor(role) };
}

type CommandOf<T extends PhoneCallbackCommandType> = Extract<
  PhoneCallbackCommand,
  { type: T }
>;

export function command<T extends PhoneCallbackCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: CALLBACK_ID, payload } as CommandOf<T>;
}

export const openPayload = {
  ticketNumber: 'CB-20260302-0001',
  reason: 'result-notification' as const,
  contact: { name: '王经理', phone: '021-6488 1234' },
  subject: '网点充电桩已修复，可正常使用',
  origin: {
    processId: 'station-fault',
    ticketId: '01956f3a-7c2e-7a10-9b1e-3f4c5d6e7f80',
    ticketNumber: 'SF-20260302-0001',
  },
};

export const opened: PhoneCallbackEvent = {
  type: 'phone-callback.opened',
  schemaVersion: 1,
  data: openPayload,
};
export const prepared: PhoneCallbackEvent = {
  type: 'phone-callback.prepared',
  schemaVersion: 1,
  data: {},
};

export function attempt(
  attemptNo: number,
  local: string,
  outcome: AttemptOutcome = 'no-answer',
  unreachedReported = false,
): PhoneCallbackEvent {
  return {
    type: 'phone-callback.attempt-recorded',
    schemaVersion: 1,
    data: {
      attemptNo,
      at: sh(local),
      outcome,
      ...(unreachedReported ? { unreachedReported: true as const } : {}),
    },
  };
}

export const escalatedToLeader: PhoneCallbackEvent = {
  type: 'phone-callback.escalated',
  schemaVersion: 1,
  data: { to: 'cs-shift-leader', doubts: '用户认为充电桩仍不稳定' },
};
export const stillDissatisfied: PhoneCallbackEvent = {
  type: 'phone-callback.second-call-made',
  schemaVersion: 1,
  data: { userSatisfied: false, note: '用户仍不认可' },
};

/** The events that bring a call-back into each state it can rest in. */
export const callbackHistory = {
  OPEN: [opened],
  PREPARED: [opened, prepared],
  ATTEMPTING: [opened, prepared, attempt(1, '2026-03-02 10:00')],
  CONNECTED: [opened, prepared, attempt(1, '2026-03-02 10:00', 'answered')],
  UNREACHED_REPORTED: [
    opened,
    prepared,
    attempt(1, '2026-03-02 10:00'),
    attempt(2, '2026-03-02 10:30'),
    attempt(3, '2026-03-02 11:00', 'no-answer', true),
  ],
  ESCALATED: [
    opened,
    prepared,
    attempt(1, '2026-03-02 10:00', 'answered'),
    escalatedToLeader,
  ],
  STILL_DISSATISFIED: [
    opened,
    prepared,
    attempt(1, '2026-03-02 10:00', 'answered'),
    escalatedToLeader,
    stillDissatisfied,
  ],
} satisfies Record<string, PhoneCallbackEvent[]>;
