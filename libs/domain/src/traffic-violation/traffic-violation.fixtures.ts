// Shared by the traffic-violation specs: a calendar written out by hand
// (China's 2026 published calendar around Mid-Autumn and National Day),
// actors, commands and a controlled clock.
import type { WorkingCalendar } from '../deadlines/working-calendar.port';
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  TrafficViolationCommand,
  TrafficViolationCommandType,
} from './traffic-violation.commands';
import type { TrafficViolationConfig } from './traffic-violation.state';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000023';

/** 2026: 中秋 25–27 Sep, 国庆 1–7 Oct; make-up working days 20 Sep, 10 Oct. */
const HOLIDAYS = new Set([
  '2026-09-25',
  '2026-09-26',
  '2026-09-27',
  '2026-10-01',
  '2026-10-02',
  '2026-10-03',
  '2026-10-04',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
]);
const MAKE_UP_DAYS = new Set(['2026-09-20', '2026-10-10']);

export const CALENDAR_2026: WorkingCalendar = {
  isWorkingDay(day: string): boolean {
    if (MAKE_UP_DAYS.has(day)) return true;
    if (HOLIDAYS.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  },
};

export const CONFIG: TrafficViolationConfig = {
  calendar: CALENDAR_2026,
  dueTime: '09:00',
};

/** `2026-09-24 10:30` Shanghai → ISO UTC. */
export function sh(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
}

export function ctx(
  role: RoleId,
  now: string,
  overrides: Partial<Actor> = {},
): DecisionContext {
  return {
    now,
    actor: {
      id: `${role}-1`,
      role,
      kind: 'person',
      subsidiary: 'sh',
      ...overrides,
    },
  };
}

export function timer(now: string): DecisionContext {
  return {
    now,
    actor: { id: 'system:timer', role: 'system', kind: 'automatic' },
  };
}

type CommandOf<T extends TrafficViolationCommandType> = Extract<
  TrafficViolationCommand,
  { type: T }
>;

export function command<T extends TrafficViolationCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

export const entry = {
  ticketNumber: 'TV-20260924-0001',
  memberId: 'M-310000-4411',
  phone: '13600006666',
  email: 'li@example.com',
  violation: {
    plate: '沪A·D54321',
    occurredAt: '2026-02-20T02:30:00.000Z',
    location: '上海市徐汇区漕溪北路',
    description: '违法停车',
    fineFen: 20000,
    points: 0,
  },
};

export const enter = command('EnterViolation', entry);
export const tick = command('RunDueViolationStep', {});
export const emailed = command('RecordMaterialsEmailed', {
  email: 'li@example.com',
  materials: ['vehicle-licence-scan', 'violation-notice', 'confirmation-form'],
});
export const reached = { contactOutcome: 'reached' as const };
