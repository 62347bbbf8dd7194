import type { Migration } from '@opsdesk/platform';
import { tableName } from '../../table-names';

export interface TimelineTables {
  timelineEntries: string;
}

export function timelineTables(suffix = ''): TimelineTables {
  return { timelineEntries: tableName('timeline_entries', suffix) };
}

export function timelineDdl({ timelineEntries: t }: TimelineTables): string {
  return `
    CREATE TABLE ${t} (
      ticket_id text NOT NULL,
      revision integer NOT NULL,
      event_id text NOT NULL,
      type text NOT NULL,
      label_zh text NOT NULL,
      label_en text NOT NULL,
      actor_id text,
      actor_role text,
      actor_role_zh text,
      actor_kind text,
      recorded_at timestamptz NOT NULL,
      summary_zh text,
      data jsonb NOT NULL,
      PRIMARY KEY (ticket_id, revision),
      CONSTRAINT ${t}_event_id_key UNIQUE (event_id)
    );
  `;
}

export function timelineMigrations(tables: TimelineTables): Migration[] {
  return [
    {
      id: `read-models/001-${tables.timelineEntries}`,
      sql: timelineDdl(tables),
    },
  ];
}
