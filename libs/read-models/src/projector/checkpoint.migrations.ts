import type { Migration } from '@opsdesk/platform';

/** One row per projection; written in the same transaction as its rows. */
export const checkpointMigrations: readonly Migration[] = [
  {
    id: 'read-models/000-projection-checkpoints',
    sql: `
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        position text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        events_applied bigint NOT NULL DEFAULT 0
      );
    `,
  },
];
