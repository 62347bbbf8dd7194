import type { Migration } from '@opsdesk/platform';
import { tableName } from '../../table-names';

export interface TicketViewTables {
  ticketView: string;
}

export function ticketViewTables(suffix = ''): TicketViewTables {
  return { ticketView: tableName('ticket_view', suffix) };
}

/** Column order of the upsert; `ticketViewValues` follows it. */
export const TICKET_VIEW_COLUMNS = [
  'ticket_id',
  'process_id',
  'ticket_number',
  'status',
  'status_zh',
  'holder_role',
  'holder_role_zh',
  'assignee_id',
  'station_id',
  'station_name',
  'district',
  'street',
  'region_id',
  'regional_platform_id',
  'inspector_id',
  'ops_team_id',
  'supplier_id',
  'reporter_type',
  'reporter_name',
  'reporter_phone',
  'fault_description',
  'suspected_charging_pile',
  'is_charging_pile_issue',
  'final_status',
  'reported_at',
  'updated_at',
  'closed_at',
  'last_revision',
  'state',
  'subsidiary_id',
] as const;

export function ticketViewDdl({ ticketView: t }: TicketViewTables): string {
  return `
    CREATE TABLE ${t} (
      ticket_id text PRIMARY KEY,
      process_id text NOT NULL,
      ticket_number text,
      status text NOT NULL,
      status_zh text NOT NULL,
      holder_role text,
      holder_role_zh text,
      assignee_id text,
      station_id text,
      station_name text,
      district text,
      street text,
      region_id text,
      regional_platform_id text,
      inspector_id text,
      ops_team_id text,
      supplier_id text,
      reporter_type text,
      reporter_name text,
      reporter_phone text,
      fault_description text,
      suspected_charging_pile boolean,
      is_charging_pile_issue boolean,
      final_status text,
      reported_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      closed_at timestamptz,
      last_revision integer NOT NULL,
      state jsonb NOT NULL
    );
    CREATE INDEX ${t}_reported_idx ON ${t} (reported_at DESC, ticket_id DESC);
    CREATE INDEX ${t}_status_idx ON ${t} (status, reported_at DESC);
    CREATE INDEX ${t}_region_idx ON ${t} (region_id, reported_at DESC);
    CREATE INDEX ${t}_number_idx ON ${t} (ticket_number);
  `;
}

/** The subsidiary owning the ticket, so queries can keep to one (#7). */
export function ticketViewSubsidiaryDdl({
  ticketView: t,
}: TicketViewTables): string {
  return `
    ALTER TABLE ${t} ADD COLUMN subsidiary_id text;
    CREATE INDEX ${t}_subsidiary_idx
      ON ${t} (subsidiary_id, reported_at DESC, ticket_id DESC);
  `;
}

export function ticketViewMigrations(tables: TicketViewTables): Migration[] {
  return [
    {
      id: `read-models/001-${tables.ticketView}`,
      sql: ticketViewDdl(tables),
    },
    {
      id: `read-models/002-${tables.ticketView}-subsidiary`,
      sql: ticketViewSubsidiaryDdl(tables),
    },
  ];
}
