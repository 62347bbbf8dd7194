import type { RecordedEvent } from '@opsdesk/event-store';
import type { PoolClient } from 'pg';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { projectionName } from '../../table-names';
import {
  STATION_FAULT_STREAM_PREFIX,
  stationFaultTicketId,
} from '../station-fault-stream';
import {
  nextReporting,
  REPORTING_PROJECTION,
  type ReportingTicketRow,
} from './reporting.row';
import {
  REPORTING_TICKET_COLUMNS,
  reportingMigrations,
  reportingTables,
} from './reporting.tables';
import { reportingViewsSql } from './reporting.views';

type DbRow = Record<string, unknown>;

/**
 * `reporting_tickets` and `reporting_custody`: per ticket its report day,
 * dimensions and outcome, and every period a role held it. The `report_*`
 * views over them are what dashboards read.
 */
export function createReportingProjection(
  options: ReadModelProjectionOptions = {},
): Projection {
  const tables = reportingTables(options.tableSuffix);
  const { reportingTickets: t, reportingCustody: c } = tables;
  const placeholders = REPORTING_TICKET_COLUMNS.map((_, i) => `$${i + 1}`);
  const updates = REPORTING_TICKET_COLUMNS.filter((x) => x !== 'ticket_id').map(
    (x) => `${x} = EXCLUDED.${x}`,
  );
  const upsert = `
    INSERT INTO ${t} (${REPORTING_TICKET_COLUMNS.join(', ')})
    VALUES (${placeholders.join(', ')})
    ON CONFLICT (ticket_id) DO UPDATE SET ${updates.join(', ')}`;

  return {
    name: projectionName(REPORTING_PROJECTION, options.tableSuffix),
    migrations: reportingMigrations(tables),
    tables: [t, c],
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],
    // Only the live tables have views; a rebuild re-points them.
    ...(options.tableSuffix ? {} : { views: reportingViewsSql(tables) }),

    async apply(client: PoolClient, event: RecordedEvent): Promise<void> {
      const found = await client.query<DbRow>(
        `SELECT *, to_char(report_day, 'YYYY-MM-DD') AS report_day_text
           FROM ${t} WHERE ticket_id = $1 FOR UPDATE`,
        [stationFaultTicketId(event.streamName)],
      );
      const step = nextReporting(toRow(found.rows[0]), event);
      if (!step) return;

      await client.query(upsert, reportingTicketValues(step.ticket));
      if (step.ended) {
        const e = step.ended;
        await client.query(
          `UPDATE ${c} SET to_at = $3, to_revision = $4, duration_s = $5
            WHERE ticket_id = $1 AND seq = $2`,
          [e.ticketId, e.seq, e.toAt, e.toRevision, e.durationS],
        );
      }
      if (step.started) {
        const s = step.started;
        await client.query(
          `INSERT INTO ${c} (ticket_id, seq, role, assignee_id, from_at,
                             from_revision)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [s.ticketId, s.seq, s.role, s.assigneeId, s.fromAt, s.fromRevision],
        );
      }
    },
  };
}

function iso(value: unknown): string {
  return (value as Date).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

function toRow(row: DbRow | undefined): ReportingTicketRow | null {
  if (!row) return null;
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
    category: row.category as ReportingTicketRow['category'],
    status: row.status as ReportingTicketRow['status'],
    inspectionVisits: Number(row.inspection_visits),
    firstVisitResult:
      row.first_visit_result as ReportingTicketRow['firstVisitResult'],
    escalated: Boolean(row.escalated),
    supplierInvolved: Boolean(row.supplier_involved),
    repairedOnSite: Boolean(row.repaired_on_site),
    resolution: row.resolution as ReportingTicketRow['resolution'],
    clearedAt: isoOrNull(row.cleared_at),
    timeToClearS: row.time_to_clear_s as number | null,
    closedAt: isoOrNull(row.closed_at),
    updatedAt: iso(row.updated_at),
    lastRevision: Number(row.last_revision),
    state: row.state as ReportingTicketRow['state'],
    custodyPeriods: Number(row.custody_periods),
    holderSince: isoOrNull(row.holder_since),
  };
}

/** Values in `REPORTING_TICKET_COLUMNS` order. */
function reportingTicketValues(row: ReportingTicketRow): unknown[] {
  return [
    row.ticketId,
    row.ticketNumber,
    row.reportDay,
    row.callTime,
    row.recordedAt,
    row.regionId,
    row.stationId,
    row.stationName,
    row.district,
    row.subsidiaryId,
    row.category,
    row.status,
    row.inspectionVisits,
    row.firstVisitResult,
    row.escalated,
    row.supplierInvolved,
    row.repairedOnSite,
    row.resolution,
    row.clearedAt,
    row.timeToClearS,
    row.closedAt,
    row.updatedAt,
    row.lastRevision,
    JSON.stringify(row.state),
    row.custodyPeriods,
    row.holderSince,
  ];
}
