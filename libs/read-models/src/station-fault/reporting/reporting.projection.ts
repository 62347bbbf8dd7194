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
} from './reporting.row';
import {
  loadReportingTickets,
  reportingFoldValues,
  reportingTicketValues,
} from './reporting.stored-rows';
import {
  REPORTING_FOLD_COLUMNS,
  REPORTING_TICKET_COLUMNS,
  reportingMigrations,
  reportingTables,
} from './reporting.tables';
import { reportingViewsSql } from './reporting.views';

/**
 * `reporting_tickets` and `reporting_custody`: per ticket its report day,
 * dimensions and outcome, and every period a role held it. The `report_*`
 * views over them are what dashboards read. `reporting_folds` holds what
 * the projection folds from, for itself.
 */
export function createReportingProjection(
  options: ReadModelProjectionOptions = {},
): Projection {
  const tables = reportingTables(options.tableSuffix);
  const {
    reportingTickets: t,
    reportingCustody: c,
    reportingFolds: f,
  } = tables;
  const upsertTickets = upsert(t, REPORTING_TICKET_COLUMNS);
  const upsertFolds = upsert(f, REPORTING_FOLD_COLUMNS);

  return {
    name: projectionName(REPORTING_PROJECTION, options.tableSuffix),
    migrations: reportingMigrations(tables),
    tables: [t, c, f],
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],
    // Only the live tables have views; a rebuild re-points them.
    ...(options.tableSuffix ? {} : { views: reportingViewsSql(tables) }),

    async apply(client, events) {
      const { steps, latest } = await foldPage(client, events, {
        ticketOf: (event) => stationFaultTicketId(event.streamName),
        load: (db, ids) => loadReportingTickets(db, tables, ids),
        next: nextReporting,
        foldOf: (step) => step.ticket,
      });
      const tickets = [...latest.values()].map((step) => step.ticket);
      await insertMany(
        client,
        upsertTickets.head,
        upsertTickets.tail,
        tickets.map(reportingTicketValues),
      );
      await insertMany(
        client,
        upsertFolds.head,
        upsertFolds.tail,
        tickets.map(reportingFoldValues),
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

/** The two ends of an INSERT of rows keyed by ticket, updating a stored one. */
function upsert(table: string, columns: readonly string[]) {
  return {
    head: `INSERT INTO ${table} (${columns.join(', ')})`,
    tail: updateOnConflict('ticket_id', columns),
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
