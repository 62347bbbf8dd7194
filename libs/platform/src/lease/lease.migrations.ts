import type { Migration } from '../postgres';

/**
 * One row per log consumer that runs as a single active instance: who
 * holds it, until when, and the fencing token of the current holding.
 */
export const leaseMigrations: readonly Migration[] = [
  {
    id: 'platform/000-consumer-leases',
    sql: `
      CREATE TABLE consumer_leases (
        name text PRIMARY KEY,
        holder text NOT NULL,
        fencing_token bigint NOT NULL,
        acquired_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
    `,
  },
];
