import { prepared } from '@opsdesk/platform';
import type { PoolClient } from 'pg';
import { foldPage } from '../../batch/fold-page';
import { insertMany, updateOnConflict } from '../../batch/insert-many';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { projectionName } from '../../table-names';
import { eraseReporterFromInboxFolds } from '../erasure/erase-reporter';
import {
  STATION_FAULT_STREAM_PREFIX,
  stationFaultTicketId,
} from '../station-fault-stream';
import {
  INBOX_PROJECTION,
  nextInbox,
  type InboxFold,
  type InboxItemRow,
} from './inbox.row';
import { inboxMigrations, inboxTables } from './inbox.tables';

interface FoldRow {
  ticket_id: string;
  last_revision: number;
  state: InboxFold['state'];
  holder_since: Date | null;
}

const FOLD_COLUMNS = ['ticket_id', 'last_revision', 'state', 'holder_since'];
const ITEM_COLUMNS = [
  'ticket_id',
  'role',
  'assignee_id',
  'status',
  'since',
  'ticket_number',
  'station_name',
  'region_id',
  'subsidiary_id',
];

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
    erasePersonalData: (client, subject) =>
      eraseReporterFromInboxFolds(client, folds, stationFaultTicketId(subject)),

    async apply(client, events) {
      const { latest } = await foldPage(client, events, {
        ticketOf: (event) => stationFaultTicketId(event.streamName),
        load: (c, ids) => loadFolds(c, folds, ids),
        next: nextInbox,
        foldOf: (step) => step.fold,
        personalData: options.personalData,
      });
      const steps = [...latest.entries()];
      await insertMany(
        client,
        `INSERT INTO ${folds} (${FOLD_COLUMNS.join(', ')})`,
        updateOnConflict('ticket_id', FOLD_COLUMNS),
        steps.map(([ticketId, { fold }]) => [
          ticketId,
          fold.lastRevision,
          JSON.stringify(fold.state),
          fold.holderSince,
        ]),
      );
      // A ticket nobody holds any more leaves every inbox.
      const left = steps.filter(([, step]) => !step.item).map(([id]) => id);
      if (left.length > 0) {
        await client.query(
          prepared(`DELETE FROM ${items} WHERE ticket_id = ANY($1)`)([left]),
        );
      }
      await insertMany(
        client,
        `INSERT INTO ${items} (${ITEM_COLUMNS.join(', ')})`,
        updateOnConflict('ticket_id', ITEM_COLUMNS),
        steps.flatMap(([, step]) => (step.item ? [itemValues(step.item)] : [])),
      );
    },
  };
}

async function loadFolds(
  client: PoolClient,
  table: string,
  ticketIds: string[],
): Promise<Map<string, InboxFold>> {
  const { rows } = await client.query<FoldRow>(
    prepared(
      `SELECT ticket_id, last_revision, state, holder_since
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
        holderSince: row.holder_since ? row.holder_since.toISOString() : null,
      },
    ]),
  );
}

function itemValues(item: InboxItemRow): unknown[] {
  return [
    item.ticketId,
    item.role,
    item.assigneeId,
    item.status,
    item.since,
    item.ticketNumber,
    item.stationName,
    item.regionId,
    item.subsidiaryId,
  ];
}
