import type { PoolClient } from 'pg';
import { foldPage } from '../batch/fold-page';
import { insertMany, updateOnConflict } from '../batch/insert-many';
import type { Projection, ReadModelProjectionOptions } from '../projection';
import { projectionName } from '../table-names';
import {
  nextProcessTicketRows,
  ticketIdOf,
  type ProcessInboxRow,
  type ProcessTicketFold,
  type ProcessTicketRow,
  type ProcessTimelineRow,
} from './process-tickets.rows';
import { eraseTicketPersonalData } from './process-tickets.erasure';
import type { ProcessReadModelSpec } from './process-tickets.spec-type';
import {
  processTicketMigrations,
  processTicketTables,
  type ProcessTicketTables,
} from './process-tickets.tables';

interface FoldRow {
  ticket_id: string;
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

const INBOX_COLUMNS = [
  'ticket_id',
  'role',
  'assignee_id',
  'status',
  'since',
  'ticket_number',
  'subsidiary_id',
  'headline',
] as const;

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

  return {
    name: projectionName(
      `${spec.definition.processId}-tickets`,
      options.tableSuffix,
    ),
    migrations: processTicketMigrations(tables),
    tables: [tables.tickets, tables.inbox, tables.timeline],
    appendOnlyTables: [tables.timeline],
    streamPrefixes: [`${spec.definition.processId}-`],
    erasePersonalData: spec.definition.personalState
      ? async (client, subject) => {
          const prefix = `${spec.definition.processId}-`;
          if (!subject.startsWith(prefix)) return;
          const ticketId = ticketIdOf(spec, subject);
          await eraseTicketPersonalData(client, spec, tables, ticketId);
        }
      : undefined,

    async apply(client, events) {
      const { steps, latest } = await foldPage(client, events, {
        ticketOf: (event) => ticketIdOf(spec, event.streamName),
        load: (db, ids) => loadFolds(db, tables, ids),
        next: (fold, event) => nextProcessTicketRows(spec, fold, event),
        foldOf: (step) => step.fold,
        personalData: options.personalData,
      });
      const last = [...latest.entries()];

      await insertMany(
        client,
        `INSERT INTO ${tables.tickets} (${TICKET_COLUMNS.join(', ')})`,
        updateOnConflict('ticket_id', TICKET_COLUMNS),
        last.map(([, step]) => ticketValues(step.ticket)),
      );
      // A ticket nobody holds any more leaves the inbox.
      const left = last.filter(([, step]) => !step.inbox).map(([id]) => id);
      if (left.length > 0) {
        await client.query(
          `DELETE FROM ${tables.inbox} WHERE ticket_id = ANY($1)`,
          [left],
        );
      }
      await insertMany(
        client,
        `INSERT INTO ${tables.inbox} (${INBOX_COLUMNS.join(', ')})`,
        updateOnConflict('ticket_id', INBOX_COLUMNS),
        last.flatMap(([, step]) =>
          step.inbox ? [inboxValues(step.inbox)] : [],
        ),
      );
      await insertMany(
        client,
        `INSERT INTO ${tables.timeline} (ticket_id, revision, event_id, type,
           label_zh, label_en, actor_id, actor_role, actor_role_zh,
           actor_kind, recorded_at, summary_zh, data)`,
        'ON CONFLICT DO NOTHING',
        steps.map(({ step }) => timelineValues(step.timeline)),
      );
    },
  };
}

async function loadFolds(
  client: PoolClient,
  tables: ProcessTicketTables,
  ticketIds: string[],
): Promise<Map<string, ProcessTicketFold>> {
  const { rows } = await client.query<FoldRow>(
    `SELECT t.ticket_id, t.last_revision, t.state, t.reported_at,
            t.closed_at, i.since AS holder_since
       FROM ${tables.tickets} t
       LEFT JOIN ${tables.inbox} i ON i.ticket_id = t.ticket_id
      WHERE t.ticket_id = ANY($1)
      ORDER BY t.ticket_id FOR UPDATE OF t`,
    [ticketIds],
  );
  return new Map(
    rows.map((row) => [
      row.ticket_id,
      {
        lastRevision: row.last_revision,
        state: row.state,
        reportedAt: row.reported_at.toISOString(),
        closedAt: row.closed_at ? row.closed_at.toISOString() : null,
        holderSince: row.holder_since ? row.holder_since.toISOString() : null,
      },
    ]),
  );
}

function ticketValues(t: ProcessTicketRow): unknown[] {
  return [
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
  ];
}

function inboxValues(item: ProcessInboxRow): unknown[] {
  return [
    item.ticketId,
    item.role,
    item.assigneeId,
    item.status,
    item.since,
    item.ticketNumber,
    item.subsidiaryId,
    item.headline,
  ];
}

function timelineValues(e: ProcessTimelineRow): unknown[] {
  return [
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
  ];
}
