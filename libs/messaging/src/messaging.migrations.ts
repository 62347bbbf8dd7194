import type { Migration } from '@opsdesk/platform';

/** Tables of the command path: outcomes, idempotency keys, numbers, hand-offs. */
export const messagingMigrations: Migration[] = [
  {
    id: 'messaging/001-commands',
    sql: `
      CREATE TABLE command_outcomes (
        command_id text PRIMARY KEY,
        process_id text NOT NULL,
        ticket_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
        http_status int NOT NULL,
        answer jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        fingerprint text NOT NULL,
        command_id text NOT NULL,
        ticket_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ticket_number_counters (
        prefix text NOT NULL,
        day text NOT NULL,
        last_number int NOT NULL,
        PRIMARY KEY (prefix, day)
      );
      CREATE TABLE handoff_notifications (
        job_id text PRIMARY KEY,
        ticket_id text NOT NULL,
        event_id uuid NOT NULL,
        from_role text,
        to_role text NOT NULL,
        assignee_id text,
        status text NOT NULL,
        notified_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX handoff_notifications_ticket ON handoff_notifications (ticket_id);
      CREATE TABLE process_manager_checkpoints (
        name text PRIMARY KEY,
        position text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // A hand-off is done only once its automatic work is; the reconciler
    // re-enqueues one that was announced but not finished when Redis lost
    // its job.
    id: 'messaging/002-handoff-completion',
    sql: `
      ALTER TABLE handoff_notifications ADD COLUMN completed_at timestamptz;
    `,
  },
];
