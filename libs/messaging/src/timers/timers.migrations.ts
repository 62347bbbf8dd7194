import type { Migration } from '@opsdesk/platform';

/** Tables of the timers: followers' checkpoints, and deadline alerts. */
export const timerMigrations: Migration[] = [
  {
    id: 'timers/001-checkpoints-and-alerts',
    sql: `
      CREATE TABLE follower_checkpoints (
        name text PRIMARY KEY,
        position text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE deadline_alerts (
        event_id uuid NOT NULL,
        role text NOT NULL,
        reason text NOT NULL CHECK (reason IN ('holder', 'escalation')),
        level text NOT NULL,
        process_id text NOT NULL,
        ticket_id text NOT NULL,
        step text NOT NULL,
        due_at timestamptz NOT NULL,
        deadline_at timestamptz NOT NULL,
        policy text NOT NULL,
        policy_version int NOT NULL,
        alerted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, role)
      );
      CREATE INDEX deadline_alerts_role ON deadline_alerts (role, alerted_at);
      CREATE INDEX deadline_alerts_ticket ON deadline_alerts (ticket_id);
    `,
  },
];
