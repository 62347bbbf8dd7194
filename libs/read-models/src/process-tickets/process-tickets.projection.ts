import type { RecordedEvent } from '@opsdesk/event-store';
import type { PoolClient } from 'pg';
import { openedEvent } from '../personal-data/personal-data-opener';
import type { Projection, ReadModelProjectionOptions } from '../projection';
import { projectionName } from '../table-names';
import {
  nextProcessTicketRows,
  ticketIdOf,
  type ProcessTicketFold,
} from './process-tickets.rows';
import type { ProcessReadModelSpec } from './process-tickets.spec-type';
import {
  processTicketMigrations,
  processTicketTables,
} from './process-tickets.tables';

interface FoldRow {
  last_revision: number;
  state: ProcessTicketFold['state'];
  reported_at: Date;
  closed_at: Date | null;
  holder_since: Date | null;
}

const TICKET_COLUMNS = [
  'ticket_id',
  'process_id',
  'ticket_number',
  'subsidiary_id',
  'status',
  'status_zh',
  'holder_role',
  'holder_role_zh',
  'assignee_id',
  'headline',
  'outcome',
  'amount_fen',
  'facts',
  'terminal',
  'reported_at',
  'reported_day',
  'updated_at',
  'closed_at',
  'last_revision',
  'state',
] as const;

function upsertSql(table: string, columns: readonly string[]): string {
  const values = columns.map((_, i) => `$${i + 1}`).join(', ');
  const updates = columns
    .filter((c) => c !== 'ticket_id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values})
          ON CONFLICT (ticket_id) DO UPDATE SET ${updates}`;
}

/**
 * `<prefix>-tickets`: the ticket view, the inbox and the timeline of one
 * process, written in the runner's transaction with its checkpoint. The
 * three tables move together, so a reader never sees a ticket's timeline
 * ahead of its view.
 */
export function createProcessTicketsProjection(
  spec: ProcessReadModelSpec,
  options: ReadModelProjectionOptions = {},
): Projection {
  const tables = processTicketTables(spec.tablePrefix, options.tableSuffix);
  const upsertTicket = upsertSql(tables.tickets, TICKET_COLUMNS);
  const upsertInbox = upsertSql(tables.inbox, [
    'ticket_id',
    'role',
    'assignee_id',
    'status',
    'since',
    'ticket_number',
    'subsidiary_id',
    'headline',
  ]);

  return {
    name: projectionName(
      `${spec.definition.processId}-tickets`,
      options.tableSuffix,
    ),
    migrations: processTicketMigrations(tables),
    tables: [tables.tickets, tables.inbox, tables.timeline],
    streamPrefixes: [`${spec.definition.processId}-`],

    async apply(client: PoolClient, event: RecordedEvent): Promise<void> {
      const ticketId = ticketIdOf(spec, event.streamName);
      const found = await client.query<FoldRow>(
        `SELECT t.last_revision, t.state, t.reported_at, t.closed_at,
                i.since AS holder_since
           FROM ${tables.tickets} t
           LEFT JOIN ${tables.inbox} i ON i.ticket_id = t.ticket_id
          WHERE t.ticket_id = $1 FOR UPDATE OF t`,
        [ticketId],
      );
      const step = nextProcessTicketRows(
        spec,
        toFold(found.rows[0]),
        await openedEvent(options.personalData, client, event),
      );
      if (!step) return;

      const t = step.ticket;
      await client.query(upsertTicket, [
        t.ticketId,
        t.processId,
        t.ticketNumber,
        t.subsidiaryId,
        t.status,
        t.statusZh,
        t.holderRole,
        t.holderRoleZh,
        t.assigneeId,
        t.headline,
        t.outcome,
        t.amountFen,
        JSON.stringify(t.facts),
        t.terminal,
        t.reportedAt,
        t.reportedDay,
        t.updatedAt,
        t.closedAt,
        t.lastRevision,
        JSON.stringify(t.state),
      ]);

      const item = step.inbox;
      if (item) {
        await client.query(upsertInbox, [
          item.ticketId,
          item.role,
          item.assigneeId,
          item.status,
          item.since,
          item.ticketNumber,
          item.subsidiaryId,
          item.headline,
        ]);
      } else {
        await client.query(`DELETE FROM ${tables.inbox} WHERE ticket_id = $1`, [
          ticketId,
        ]);
      }

      const e = step.timeline;
      await client.query(
        `INSERT INTO ${tables.timeline} (ticket_id, revision, event_id, type,
           label_zh, label_en, actor_id, actor_role, actor_role_zh,
           actor_kind, recorded_at, summary_zh, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING`,
        [
          e.ticketId,
          e.revision,
          e.eventId,
          e.type,
          e.labelZh,
          e.labelEn,
          e.actorId,
          e.actorRole,
          e.actorRoleZh,
          e.actorKind,
          e.recordedAt,
          e.summaryZh,
          JSON.stringify(e.data),
        ],
      );
    },
  };
}

function toFold(row: FoldRow | undefined): ProcessTicketFold | null {
  if (!row) return null;
  return {
    lastRevision: row.last_revision,
    state: row.state,
    reportedAt: row.reported_at.toISOString(),
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    holderSince: row.holder_since ? row.holder_since.toISOString() : null,
  };
}
