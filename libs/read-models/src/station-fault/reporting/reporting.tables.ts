import type { Migration } from '@opsdesk/platform';
import { tableName } from '../../table-names';

/** The reporting projection's own tables; dashboards read the views. */
export interface ReportingTables {
  /** One row per ticket: its report day, dimensions, outcome and fold. */
  reportingTickets: string;
  /** One row per ticket per holding period (custody). */
  reportingCustody: string;
}

export function reportingTables(suffix = ''): ReportingTables {
  return {
    reportingTickets: tableName('reporting_tickets', suffix),
    reportingCustody: tableName('reporting_custody', suffix),
  };
}

/** Column order of the ticket upsert; `reportingTicketValues` follows it. */
export const REPORTING_TICKET_COLUMNS = [
  'ticket_id',
  'ticket_number',
  'report_day',
  'call_time',
  'recorded_at',
  'region_id',
  'station_id',
  'station_name',
  'district',
  'subsidiary_id',
  'category',
  'status',
  'inspection_visits',
  'first_visit_result',
  'escalated',
  'supplier_involved',
  'repaired_on_site',
  'resolution',
  'cleared_at',
  'time_to_clear_s',
  'closed_at',
  'updated_at',
  'last_revision',
  'state',
  'custody_periods',
  'holder_since',
] as const;

export function reportingDdl({
  reportingTickets: t,
  reportingCustody: c,
}: ReportingTables): string {
  return `
    CREATE TABLE ${t} (
      ticket_id text PRIMARY KEY,
      ticket_number text,
      -- The Shanghai calendar day of the call: the day a ticket counts in.
      report_day date NOT NULL,
      call_time timestamptz NOT NULL,
      -- The intake on the log's clock, where every duration starts.
      recorded_at timestamptz NOT NULL,
      region_id text,
      station_id text,
      station_name text,
      district text,
      -- Who may read it: readers see their subsidiary's tickets only.
      subsidiary_id text,
      category text,
      status text NOT NULL,
      inspection_visits integer NOT NULL,
      first_visit_result text,
      escalated boolean NOT NULL,
      supplier_involved boolean NOT NULL,
      repaired_on_site boolean NOT NULL,
      resolution text,
      cleared_at timestamptz,
      time_to_clear_s double precision,
      closed_at timestamptz,
      updated_at timestamptz NOT NULL,
      -- The projection's fold: not for readers.
      last_revision integer NOT NULL,
      state jsonb NOT NULL,
      custody_periods integer NOT NULL,
      holder_since timestamptz
    );
    CREATE INDEX ${t}_day_idx ON ${t} (report_day, region_id, station_id);
    CREATE INDEX ${t}_open_idx ON ${t} (recorded_at) WHERE closed_at IS NULL;

    CREATE TABLE ${c} (
      ticket_id text NOT NULL,
      seq integer NOT NULL,
      role text NOT NULL,
      assignee_id text,
      from_at timestamptz NOT NULL,
      from_revision integer NOT NULL,
      to_at timestamptz,
      to_revision integer,
      duration_s double precision,
      PRIMARY KEY (ticket_id, seq)
    );
    CREATE INDEX ${c}_open_idx ON ${c} (role) WHERE to_at IS NULL;
  `;
}

export function reportingMigrations(tables: ReportingTables): Migration[] {
  return [
    {
      id: `read-models/002-${tables.reportingTickets}`,
      sql: reportingDdl(tables),
    },
  ];
}
