import type { Migration } from '@opsdesk/platform';
import { tableName } from '../../table-names';

/** The reporting projection's own tables; dashboards read the views. */
export interface ReportingTables {
  /** One row per ticket: its report day, dimensions and outcome. */
  reportingTickets: string;
  /** One row per ticket per holding period (custody). */
  reportingCustody: string;
  /** One row per ticket: the projection's own fold, not for readers. */
  reportingFolds: string;
}

export function reportingTables(suffix = ''): ReportingTables {
  return {
    reportingTickets: tableName('reporting_tickets', suffix),
    reportingCustody: tableName('reporting_custody', suffix),
    reportingFolds: tableName('reporting_folds', suffix),
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
] as const;

/** Column order of the fold upsert; `reportingFoldValues` follows it. */
export const REPORTING_FOLD_COLUMNS = [
  'ticket_id',
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

/**
 * Moves the fold out of the ticket rows (#9): a report reads a region's
 * week of them, and with the fold's wide `state` in each row that meant
 * about one heap page per ticket. The folds are copied over, the columns
 * dropped, and the table rewritten, since a dropped column's value stays
 * in a stored row until the row is written again (a closed ticket's never
 * is). CLUSTER is the rewrite a migration's transaction allows; the day
 * index's order also keeps a region's week on few pages. The cluster mark
 * goes again, so the table is defined as one a rebuild creates.
 */
export function reportingFoldsDdl({
  reportingTickets: t,
  reportingFolds: f,
}: ReportingTables): string {
  return `
    CREATE TABLE ${f} (
      ticket_id text PRIMARY KEY,
      last_revision integer NOT NULL,
      -- The domain's fold, without the reporter.
      state jsonb NOT NULL,
      -- Holding periods opened so far; the open one is number this - 1.
      custody_periods integer NOT NULL,
      holder_since timestamptz
    );
    INSERT INTO ${f} (ticket_id, last_revision, state, custody_periods,
                      holder_since)
      SELECT ticket_id, last_revision, state, custody_periods, holder_since
        FROM ${t};
    ALTER TABLE ${t} DROP COLUMN last_revision, DROP COLUMN state,
      DROP COLUMN custody_periods, DROP COLUMN holder_since;
    CLUSTER ${t} USING ${t}_day_idx;
    ALTER TABLE ${t} SET WITHOUT CLUSTER;
  `;
}

export function reportingMigrations(tables: ReportingTables): Migration[] {
  return [
    {
      id: `read-models/002-${tables.reportingTickets}`,
      sql: reportingDdl(tables),
    },
    {
      id: `read-models/003-${tables.reportingTickets}-folds`,
      sql: reportingFoldsDdl(tables),
    },
  ];
}
