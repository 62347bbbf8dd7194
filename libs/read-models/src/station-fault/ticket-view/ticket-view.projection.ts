import { prepared } from '@opsdesk/platform';
import type { PoolClient } from 'pg';
import { foldPage } from '../../batch/fold-page';
import { insertMany, updateOnConflict } from '../../batch/insert-many';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { projectionName } from '../../table-names';
import { eraseReporterFromTicketView } from '../erasure/erase-reporter';
import {
  STATION_FAULT_STREAM_PREFIX,
  stationFaultTicketId,
} from '../station-fault-stream';
import {
  nextTicketView,
  TICKET_VIEW_PROJECTION,
  type TicketViewFold,
  type TicketViewRow,
} from './ticket-view.row';
import {
  TICKET_VIEW_COLUMNS,
  ticketViewMigrations,
  ticketViewTables,
} from './ticket-view.tables';

interface FoldRow {
  ticket_id: string;
  last_revision: number;
  state: TicketViewFold['state'];
  reported_at: Date;
  closed_at: Date | null;
}

/** `ticket_view`: one row per ticket, the folded state and its columns. */
export function createTicketViewProjection(
  options: ReadModelProjectionOptions = {},
): Projection {
  const tables = ticketViewTables(options.tableSuffix);
  const t = tables.ticketView;
  const insert = `INSERT INTO ${t} (${TICKET_VIEW_COLUMNS.join(', ')})`;
  const onConflict = updateOnConflict('ticket_id', TICKET_VIEW_COLUMNS);

  return {
    name: projectionName(TICKET_VIEW_PROJECTION, options.tableSuffix),
    migrations: ticketViewMigrations(tables),
    tables: [t],
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],
    erasePersonalData: (client, subject) =>
      eraseReporterFromTicketView(client, t, stationFaultTicketId(subject)),

    async apply(client, events) {
      const { latest } = await foldPage(client, events, {
        ticketOf: (event) => stationFaultTicketId(event.streamName),
        load: (c, ids) => loadFolds(c, t, ids),
        next: nextTicketView,
        foldOf: (row) => ({
          lastRevision: row.lastRevision,
          state: row.state,
          reportedAt: row.reportedAt,
          closedAt: row.closedAt,
        }),
        personalData: options.personalData,
      });
      await insertMany(
        client,
        insert,
        onConflict,
        [...latest.values()].map(ticketViewValues),
      );
    },
  };
}

async function loadFolds(
  client: PoolClient,
  table: string,
  ticketIds: string[],
): Promise<Map<string, TicketViewFold>> {
  const { rows } = await client.query<FoldRow>(
    prepared(
      `SELECT ticket_id, last_revision, state, reported_at, closed_at
         FROM ${table} WHERE ticket_id = ANY($1)
        ORDER BY ticket_id FOR UPDATE`,
    )([ticketIds]),
  );
  return new Map(
    rows.map((row) => [
      row.ticket_id,
      {
        lastRevision: row.last_revision,
        state: row.state,
        reportedAt: row.reported_at.toISOString(),
        closedAt: row.closed_at ? row.closed_at.toISOString() : null,
      },
    ]),
  );
}

/** Values in `TICKET_VIEW_COLUMNS` order. */
function ticketViewValues(row: TicketViewRow): unknown[] {
  return [
    row.ticketId,
    row.processId,
    row.ticketNumber,
    row.status,
    row.statusZh,
    row.holderRole,
    row.holderRoleZh,
    row.assigneeId,
    row.stationId,
    row.stationName,
    row.district,
    row.street,
    row.regionId,
    row.regionalPlatformId,
    row.inspectorId,
    row.opsTeamId,
    row.supplierId,
    row.reporterType,
    row.reporterName,
    row.reporterPhone,
    row.faultDescription,
    row.suspectedChargingPile,
    row.isChargingPileIssue,
    row.finalStatus,
    row.reportedAt,
    row.updatedAt,
    row.closedAt,
    row.lastRevision,
    JSON.stringify(row.state),
    row.subsidiaryId,
  ];
}
