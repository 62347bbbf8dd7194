// Shared by the repair-order specs.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  RepairOrderCommand,
  RepairOrderCommandType,
} from './repair-order.commands';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000131';

/** `2026-12-07 09:00` in Shanghai as an ISO instant (UTC). */
export function sh(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
}

export const NOW = sh('2026-12-07 09:00');
export const SLOT = sh('2026-12-08 10:00');

export function actor(role: RoleId, overrides: Partial<Actor> = {}): Actor {
  return {
    id: `${role}-1`,
    role,
    kind: role === 'system' ? 'automatic' : 'person',
    subsidiary: 'sh',
    ...overrides,
  };
}

export function ctx(
  role: RoleId,
  now = NOW,
  overrides: Partial<Actor> = {},
): DecisionContext {
  return { now, actor: actor(role, overrides) };
}

type CommandOf<T extends RepairOrderCommandType> = Extract<
  RepairOrderCommand,
  { type: T }
>;

export function command<T extends RepairOrderCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

export function reservation(seq: number, slotStart = SLOT) {
  return {
    reservationId: `${TICKET_ID}/${seq}`,
    slotStart,
    slotEnd: new Date(Date.parse(slotStart) + 3_600_000).toISOString(),
    partsReserved: { 'BP-F': 1 },
    partsToOrder: {},
  };
}

export const pad = {
  code: 'BP-F',
  description: '更换前刹车片',
  labourFen: 8000,
  partsFen: 32000,
};

export const payloads = {
  book: {
    ticketNumber: 'RO-20261207-0001',
    shopCode: 'SH-MH-01',
    kind: 'mechanical-repair' as const,
    vehicle: { plate: '沪A·R1001', model: '荣威 Ei5' },
    customer: { phone: '13800138000', name: '王先生' },
    symptoms: '制动时异响',
    slotStart: SLOT,
    bring: ['maintenance-manual' as const, 'repair-records' as const],
    reservation: reservation(1),
  },
  walkIn: {
    ticketNumber: 'RO-20261207-0002',
    shopCode: 'SH-MH-01',
    kind: 'quick-repair' as const,
    vehicle: { plate: '沪A·R1001', model: '荣威 Ei5' },
    customer: { phone: '13900139000' },
    symptoms: '刹车片报警',
    preliminaryDiagnosis: '前刹车片磨损到限',
    comeback: null,
  },
  authorise: {
    signedBy: '王先生',
    engineNumber: 'EN-7781234',
    fault: { symptom: '制动时异响', location: '前轮' },
    historyNote: '上次保养 2026-06',
    items: [pad],
    promisedAt: sh('2026-12-08 17:00'),
  },
  settle: {
    partsFen: 32000,
    labourFen: 8000,
    otherFen: 0,
    invoiceTitle: '王先生',
  },
};
