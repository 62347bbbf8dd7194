import type { PoolClient } from 'pg';
import { foldPage } from '../../batch/fold-page';
import { insertMany, updateOnConflict } from '../../batch/insert-many';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { projectionName } from '../../table-names';
import {
  STATION_FAULT_STREAM_PREFIX,
  stationFaultTicketId,
} from '../station-fault-stream';
import {
  nextReporting,
  REPORTING_PROJECTION,
  type CustodyPeriodEnd,
  type CustodyPeriodStart,
  type ReportingStep,
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
  const insertTickets = `INSERT INTO ${t} (${REPORTING_TICKET_COLUMNS.join(', ')})`;
  const onConflict = updateOnConflict('ticket_id', REPORTING_TICKET_COLUMNS);

  return {
    name: projectionName(REPORTING_PROJECTION, options.tableSuffix),
    migrations: reportingMigrations(tables),
    tables: [t, c],
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],
    // Only the live tables have views; a rebuild re-points them.
    ...(options.tableSuffix ? {} : { views: reportingViewsSql(tables) }),

    async apply(client, events) {
      const { steps, latest } = await foldPage(client, events, {
        ticketOf: (event) => stationFaultTicketId(event.streamName),
        load: (db, ids) => loadRows(db, t, ids),
        next: nextReporting,
        foldOf: (step) => step.ticket,
      });
      await insertMany(
        client,
        insertTickets,
        onConflict,
        [...latest.values()].map((step) => reportingTicketValues(step.ticket)),
      );
      const custody = custodyChanges(steps.map(({ step }) => step));
      await insertMany(
        client,
        `INSERT INTO ${c} (ticket_id, seq, role, assignee_id, from_at,
           from_revision, to_at, to_revision, duration_s)`,
        '',
        custody.started,
      );
      await endPeriods(client, c, custody.ended);
    },
  };
}

/**
 * The periods the page starts (ended too, if it also ends them) and the
 * earlier periods it ends, so each row is written once.
 */
function custodyChanges(steps: readonly ReportingStep[]) {
  const started = new Map<
    string,
    { start: CustodyPeriodStart; end: CustodyPeriodEnd | null }
  >();
  const ended: CustodyPeriodEnd[] = [];
  for (const { ended: end, started: start } of steps) {
    if (end) {
      const period = started.get(`${end.ticketId}/${end.seq}`);
      if (period) period.end = end;
      else ended.push(end);
    }
    if (start) {
      started.set(`${start.ticketId}/${start.seq}`, { start, end: null });
    }
  }
  return {
    started: [...started.values()].map(({ start, end }) => [
      start.ticketId,
      start.seq,
      start.role,
      start.assigneeId,
      start.fromAt,
      start.fromRevision,
      end?.toAt ?? null,
      end?.toRevision ?? null,
      end?.durationS ?? null,
    ]),
    ended,
  };
}

async function endPeriods(
  client: PoolClient,
  table: string,
  ended: readonly CustodyPeriodEnd[],
): Promise<void> {
  if (ended.length === 0) return;
  await client.query(
    `UPDATE ${table} c
        SET to_at = u.to_at, to_revision = u.to_revision,
            duration_s = u.duration_s
       FROM unnest($1::text[], $2::integer[], $3::timestamptz[],
                   $4::integer[], $5::double precision[])
            AS u(ticket_id, seq, to_at, to_revision, duration_s)
      WHERE c.ticket_id = u.ticket_id AND c.seq = u.seq`,
    [
      ended.map((e) => e.ticketId),
      ended.map((e) => e.seq),
      ended.map((e) => e.toAt),
      ended.map((e) => e.toRevision),
      ended.map((e) => e.durationS),
    ],
  );
}

async function loadRows(
  client: PoolClient,
  table: string,
  ticketIds: string[],
): Promise<Map<string, ReportingTicketRow>> {
  const { rows } = await client.query<DbRow>(
    `SELECT *, to_char(report_day, 'YYYY-MM-DD') AS report_day_text
       FROM ${table} WHERE ticket_id = ANY($1)
      ORDER BY ticket_id FOR UPDATE`,
    [ticketIds],
  );
  return new Map(rows.map((row) => [String(row.ticket_id), toRow(row)]));
}

function iso(value: unknown): string {
  return (value as Date).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

function toRow(row: DbRow): ReportingTicketRow {
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
