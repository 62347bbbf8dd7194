import type { PoolClient } from 'pg';
import type { ReportingTicket } from './reporting.row';
import type { ReportingTables } from './reporting.tables';

type DbRow = Record<string, unknown>;

/**
 * The stored tickets among `ticketIds`, each its report row joined to its
 * fold, both locked for the transaction in ticket order.
 */
export async function loadReportingTickets(
  client: PoolClient,
  { reportingTickets: t, reportingFolds: f }: ReportingTables,
  ticketIds: string[],
): Promise<Map<string, ReportingTicket>> {
  const { rows } = await client.query<DbRow>(
    `SELECT t.*, to_char(t.report_day, 'YYYY-MM-DD') AS report_day_text,
            f.last_revision, f.state, f.custody_periods, f.holder_since
       FROM ${t} t JOIN ${f} f USING (ticket_id)
      WHERE t.ticket_id = ANY($1)
      ORDER BY t.ticket_id FOR UPDATE`,
    [ticketIds],
  );
  return new Map(rows.map((row) => [String(row.ticket_id), toTicket(row)]));
}

/** Values in `REPORTING_TICKET_COLUMNS` order. */
export function reportingTicketValues(ticket: ReportingTicket): unknown[] {
  return [
    ticket.ticketId,
    ticket.ticketNumber,
    ticket.reportDay,
    ticket.callTime,
    ticket.recordedAt,
    ticket.regionId,
    ticket.stationId,
    ticket.stationName,
    ticket.district,
    ticket.subsidiaryId,
    ticket.category,
    ticket.status,
    ticket.inspectionVisits,
    ticket.firstVisitResult,
    ticket.escalated,
    ticket.supplierInvolved,
    ticket.repairedOnSite,
    ticket.resolution,
    ticket.clearedAt,
    ticket.timeToClearS,
    ticket.closedAt,
    ticket.updatedAt,
  ];
}

/** Values in `REPORTING_FOLD_COLUMNS` order. */
export function reportingFoldValues(ticket: ReportingTicket): unknown[] {
  return [
    ticket.ticketId,
    ticket.lastRevision,
    JSON.stringify(ticket.state),
    ticket.custodyPeriods,
    ticket.holderSince,
  ];
}

function iso(value: unknown): string {
  return (value as Date).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

function toTicket(row: DbRow): ReportingTicket {
  return {
    ticketId: String(row.ticket_id),
    ticketNumber: row.ticket_number as string | null,
    reportDay: String(row.report_day_text),
    callTime: iso(row.call_time),
    recordedAt: iso(row.recorded_at),
    regionId: row.region_id as string | null,
    stationId: row.station_id as string | null,
    stationName: row.station_name as string | null,
    district: row.district as string | null,
    subsidiaryId: row.subsidiary_id as string | null,
    category: row.category as ReportingTicket['category'],
    status: row.status as ReportingTicket['status'],
    inspectionVisits: Number(row.inspection_visits),
    firstVisitResult:
      row.first_visit_result as ReportingTicket['firstVisitResult'],
    escalated: Boolean(row.escalated),
    supplierInvolved: Boolean(row.supplier_involved),
    repairedOnSite: Boolean(row.repaired_on_site),
    resolution: row.resolution as ReportingTicket['resolution'],
    clearedAt: isoOrNull(row.cleared_at),
    timeToClearS: row.time_to_clear_s as number | null,
    closedAt: isoOrNull(row.closed_at),
    updatedAt: iso(row.updated_at),
    lastRevision: Number(row.last_revision),
    state: row.state as ReportingTicket['state'],
    custodyPeriods: Number(row.custody_periods),
    holderSince: isoOrNull(row.holder_since),
  };
}
