import type { Migration } from '@opsdesk/platform';
import { tableName } from '../../table-names';

export interface InboxTables {
  /** What readers see: one row per open ticket, under its holder. */
  inboxItems: string;
  /** The projection's own fold, kept after close so replays stay no-ops. */
  inboxFolds: string;
}

export function inboxTables(suffix = ''): InboxTables {
  return {
    inboxItems: tableName('inbox_items', suffix),
    inboxFolds: tableName('inbox_folds', suffix),
  };
}

export function inboxDdl({ inboxItems: i, inboxFolds: f }: InboxTables) {
  return `
    CREATE TABLE ${i} (
      ticket_id text PRIMARY KEY,
      role text NOT NULL,
      assignee_id text,
      status text NOT NULL,
      since timestamptz NOT NULL,
      ticket_number text,
      station_name text,
      region_id text
    );
    CREATE INDEX ${i}_role_idx ON ${i} (role, since, ticket_id);
    CREATE INDEX ${i}_assignee_idx ON ${i} (role, assignee_id, since);

    CREATE TABLE ${f} (
      ticket_id text PRIMARY KEY,
      last_revision integer NOT NULL,
      state jsonb NOT NULL,
      holder_since timestamptz
    );
  `;
}

/** The subsidiary owning the ticket, so inboxes keep to one (#7). */
export function inboxSubsidiaryDdl({ inboxItems: i }: InboxTables): string {
  return `
    ALTER TABLE ${i} ADD COLUMN subsidiary_id text;
    CREATE INDEX ${i}_subsidiary_idx ON ${i} (role, subsidiary_id, since);
  `;
}

export function inboxMigrations(tables: InboxTables): Migration[] {
  return [
    { id: `read-models/001-${tables.inboxItems}`, sql: inboxDdl(tables) },
    {
      id: `read-models/002-${tables.inboxItems}-subsidiary`,
      sql: inboxSubsidiaryDdl(tables),
    },
  ];
}
