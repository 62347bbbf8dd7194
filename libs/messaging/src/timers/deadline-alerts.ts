import type { DeadlineBreachFacts, RoleId } from '@opsdesk/domain';
import type { Pool } from 'pg';

export interface DeadlineAlert {
  eventId: string;
  role: RoleId;
  /** `holder`: the role that has the ticket; `escalation`: one above it. */
  reason: 'holder' | 'escalation';
  level: string;
  processId: string;
  ticketId: string;
  step: string;
  dueAt: string;
  deadlineAt: string;
  policy: string;
  policyVersion: number;
  alertedAt?: string;
}

/**
 * Whom a recorded warning or breach is for: a warning goes to the holder;
 * a breach to the holder when its actions say `notify`, and to every
 * role it escalates to.
 */
export function alertsFor(input: {
  eventId: string;
  processId: string;
  ticketId: string;
  holder: RoleId | null;
  facts: DeadlineBreachFacts | Omit<DeadlineBreachFacts, 'actions'>;
}): DeadlineAlert[] {
  const { facts } = input;
  const base = {
    eventId: input.eventId,
    level: facts.level,
    processId: input.processId,
    ticketId: input.ticketId,
    step: facts.step,
    dueAt: facts.dueAt,
    deadlineAt: facts.deadlineAt,
    policy: facts.policy.policy,
    policyVersion: facts.policy.version,
  };
  const actions = 'actions' in facts ? facts.actions : [];
  const alerts: DeadlineAlert[] = [];
  const toHolder =
    facts.level !== 'breach' || actions.some((a) => a.type === 'notify');
  if (toHolder && input.holder) {
    alerts.push({ ...base, role: input.holder, reason: 'holder' });
  }
  for (const action of actions) {
    if (
      action.type === 'escalate' &&
      !alerts.some((a) => a.role === action.role)
    ) {
      alerts.push({ ...base, role: action.role, reason: 'escalation' });
    }
  }
  return alerts;
}

/**
 * What each role is told about deadlines, one row per event and role, so
 * a replayed event is told once.
 * TODO(#6): reach people (desk notification, SMS); today the row and an
 * operator log line are the whole of it.
 */
export class DeadlineAlerts {
  constructor(private readonly pool: Pool) {}

  async record(alerts: readonly DeadlineAlert[]): Promise<number> {
    let added = 0;
    for (const a of alerts) {
      const { rowCount } = await this.pool.query(
        `INSERT INTO deadline_alerts (event_id, role, reason, level, process_id,
           ticket_id, step, due_at, deadline_at, policy, policy_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (event_id, role) DO NOTHING`,
        [
          a.eventId,
          a.role,
          a.reason,
          a.level,
          a.processId,
          a.ticketId,
          a.step,
          a.dueAt,
          a.deadlineAt,
          a.policy,
          a.policyVersion,
        ],
      );
      added += rowCount ?? 0;
    }
    return added;
  }

  /** A role's alerts, newest first. */
  async forRole(role: string, limit = 50): Promise<DeadlineAlert[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT * FROM deadline_alerts WHERE role = $1
        ORDER BY alerted_at DESC, event_id LIMIT $2`,
      [role, limit],
    );
    return rows.map(toAlert);
  }

  async forTicket(ticketId: string): Promise<DeadlineAlert[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT * FROM deadline_alerts WHERE ticket_id = $1
        ORDER BY due_at, role`,
      [ticketId],
    );
    return rows.map(toAlert);
  }
}

function iso(value: unknown): string {
  return (value as Date).toISOString();
}

function toAlert(row: Record<string, unknown>): DeadlineAlert {
  return {
    eventId: row.event_id as string,
    role: row.role as RoleId,
    reason: row.reason as DeadlineAlert['reason'],
    level: row.level as string,
    processId: row.process_id as string,
    ticketId: row.ticket_id as string,
    step: row.step as string,
    dueAt: iso(row.due_at),
    deadlineAt: iso(row.deadline_at),
    policy: row.policy as string,
    policyVersion: row.policy_version as number,
    alertedAt: iso(row.alerted_at),
  };
}
