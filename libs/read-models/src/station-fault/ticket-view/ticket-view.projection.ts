import type { RecordedEvent } from '@opsdesk/event-store';
import type { PoolClient } from 'pg';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { openedEvent } from '../../personal-data/personal-data-opener';
import { projectionName } from '../../table-names';
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
  const placeholders = TICKET_VIEW_COLUMNS.map((_, i) => `$${i + 1}`);
  const updates = TICKET_VIEW_COLUMNS.filter((c) => c !== 'ticket_id').map(
    (c) => `${c} = EXCLUDED.${c}`,
  );
  const upsert = `
    INSERT INTO ${t} (${TICKET_VIEW_COLUMNS.join(', ')})
    VALUES (${placeholders.join(', ')})
    ON CONFLICT (ticket_id) DO UPDATE SET ${updates.join(', ')}`;

  return {
    name: projectionName(TICKET_VIEW_PROJECTION, options.tableSuffix),
    migrations: ticketViewMigrations(tables),
    tables: [t],
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],

    async apply(client: PoolClient, event: RecordedEvent): Promise<void> {
      const found = await client.query<FoldRow>(
        `SELECT last_revision, state, reported_at, closed_at
           FROM ${t} WHERE ticket_id = $1 FOR UPDATE`,
        [stationFaultTicketId(event.streamName)],
      );
      const opened = await openedEvent(options.personalData, client, event);
      const row = nextTicketView(toFold(found.rows[0]), opened);
      if (row) await client.query(upsert, ticketViewValues(row));
    },
  };
}

function toFold(row: FoldRow | undefined): TicketViewFold | null {
  if (!row) return null;
  return {
    lastRevision: row.last_revision,
    state: row.state,
    reportedAt: row.reported_at.toISOString(),
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
  };
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
