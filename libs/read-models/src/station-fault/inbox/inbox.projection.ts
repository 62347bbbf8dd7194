import type { RecordedEvent } from '@opsdesk/event-store';
import type { PoolClient } from 'pg';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { openedEvent } from '../../personal-data/personal-data-opener';
import { projectionName } from '../../table-names';
import {
  STATION_FAULT_STREAM_PREFIX,
  stationFaultTicketId,
} from '../station-fault-stream';
import { INBOX_PROJECTION, nextInbox, type InboxFold } from './inbox.row';
import { inboxMigrations, inboxTables } from './inbox.tables';

interface FoldRow {
  last_revision: number;
  state: InboxFold['state'];
  holder_since: Date | null;
}

/** `inbox_items`: each open ticket under the role that holds it now. */
export function createInboxProjection(
  options: ReadModelProjectionOptions = {},
): Projection {
  const tables = inboxTables(options.tableSuffix);
  const { inboxItems: items, inboxFolds: folds } = tables;

  return {
    name: projectionName(INBOX_PROJECTION, options.tableSuffix),
    migrations: inboxMigrations(tables),
    tables: [items, folds],
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],

    async apply(client: PoolClient, event: RecordedEvent): Promise<void> {
      const ticketId = stationFaultTicketId(event.streamName);
      const found = await client.query<FoldRow>(
        `SELECT last_revision, state, holder_since
           FROM ${folds} WHERE ticket_id = $1 FOR UPDATE`,
        [ticketId],
      );
      const opened = await openedEvent(options.personalData, client, event);
      const step = nextInbox(toFold(found.rows[0]), opened);
      if (!step) return;

      await client.query(
        `INSERT INTO ${folds} (ticket_id, last_revision, state, holder_since)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (ticket_id) DO UPDATE SET
           last_revision = EXCLUDED.last_revision,
           state = EXCLUDED.state,
           holder_since = EXCLUDED.holder_since`,
        [
          ticketId,
          step.fold.lastRevision,
          JSON.stringify(step.fold.state),
          step.fold.holderSince,
        ],
      );

      const item = step.item;
      if (!item) {
        await client.query(`DELETE FROM ${items} WHERE ticket_id = $1`, [
          ticketId,
        ]);
        return;
      }
      await client.query(
        `INSERT INTO ${items} (ticket_id, role, assignee_id, status, since,
                               ticket_number, station_name, region_id,
                               subsidiary_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (ticket_id) DO UPDATE SET
           role = EXCLUDED.role,
           assignee_id = EXCLUDED.assignee_id,
           status = EXCLUDED.status,
           since = EXCLUDED.since,
           ticket_number = EXCLUDED.ticket_number,
           station_name = EXCLUDED.station_name,
           region_id = EXCLUDED.region_id,
           subsidiary_id = EXCLUDED.subsidiary_id`,
        [
          item.ticketId,
          item.role,
          item.assigneeId,
          item.status,
          item.since,
          item.ticketNumber,
          item.stationName,
          item.regionId,
          item.subsidiaryId,
        ],
      );
    },
  };
}

function toFold(row: FoldRow | undefined): InboxFold | null {
  if (!row) return null;
  return {
    lastRevision: row.last_revision,
    state: row.state,
    holderSince: row.holder_since ? row.holder_since.toISOString() : null,
  };
}
