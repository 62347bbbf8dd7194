import type { RoleId } from '@opsdesk/domain';
import type { Pool } from 'pg';
import { prepared } from '@opsdesk/platform';
import type { ReadModelProjectionOptions } from '../projection';
import { inboxTables } from '../station-fault/inbox/inbox.tables';
import { ticketViewTables } from '../station-fault/ticket-view/ticket-view.tables';
import { timelineTables } from '../station-fault/timeline/timeline.tables';
import { checkPage } from './page';
import type { DbRow } from './db-values';
import { toInboxItem, toTicketView, toTimelineEntry } from './row-mapping';
import type {
  InboxItem,
  InboxQuery,
  Scope,
  TicketListQuery,
  TicketView,
  TimelineEntry,
} from './ticket-query.types';

/** What the API and the workers read about station-fault tickets. */
export class TicketQueries {
  private readonly ticketView: string;
  private readonly inboxItems: string;
  private readonly timeline: string;

  constructor(
    private readonly pool: Pool,
    options: ReadModelProjectionOptions = {},
  ) {
    this.ticketView = ticketViewTables(options.tableSuffix).ticketView;
    this.inboxItems = inboxTables(options.tableSuffix).inboxItems;
    this.timeline = timelineTables(options.tableSuffix).timelineEntries;
  }

  /** The ticket, or null when it is unknown or outside the scope. */
  async getTicket(
    ticketId: string,
    scope: Scope = {},
  ): Promise<TicketView | null> {
    const result = await this.pool.query<DbRow>(
      `SELECT * FROM ${this.ticketView} WHERE ticket_id = $1
          AND ($2::text IS NULL OR subsidiary_id = $2)
          AND ($3::text[] IS NULL OR supplier_id = ANY($3))`,
      [ticketId, scope.subsidiaryId ?? null, scope.supplierIds ?? null],
    );
    return result.rows[0] ? toTicketView(result.rows[0]) : null;
  }

  /** The role's open tickets, the one waiting longest first. */
  async listInbox(role: RoleId, query: InboxQuery): Promise<InboxItem[]> {
    const { limit, offset } = checkPage(query);
    const result = await this.pool.query<DbRow>(
      `SELECT * FROM ${this.inboxItems}
        WHERE role = $1 AND ($2::text IS NULL OR assignee_id = $2)
          AND ($5::text IS NULL OR subsidiary_id = $5)
          AND ($6::text[] IS NULL OR assignee_id = ANY($6))
        ORDER BY since, ticket_id
        LIMIT $3 OFFSET $4`,
      [
        role,
        query.assigneeId ?? null,
        limit,
        offset,
        query.subsidiaryId ?? null,
        query.supplierIds ?? null,
      ],
    );
    return result.rows.map(toInboxItem);
  }

  /**
   * Every event of the ticket, oldest first; empty if it is unknown or
   * outside the scope (a scoped reader sees it once its view row exists).
   */
  async getTimeline(
    ticketId: string,
    scope: Scope = {},
  ): Promise<TimelineEntry[]> {
    const result = await this.pool.query<DbRow>(
      `SELECT * FROM ${this.timeline} WHERE ticket_id = $1
          AND (($2::text IS NULL AND $3::text[] IS NULL) OR EXISTS (
                SELECT 1 FROM ${this.ticketView} v
                 WHERE v.ticket_id = $1
                   AND ($2::text IS NULL OR v.subsidiary_id = $2)
                   AND ($3::text[] IS NULL OR v.supplier_id = ANY($3))))
        ORDER BY revision`,
      [ticketId, scope.subsidiaryId ?? null, scope.supplierIds ?? null],
    );
    return result.rows.map(toTimelineEntry);
  }

  /** Tickets, newest report first. */
  async listTickets(query: TicketListQuery): Promise<TicketView[]> {
    const { limit, offset } = checkPage(query);
    const result = await this.pool.query<DbRow>(
      `SELECT * FROM ${this.ticketView}
        WHERE ($1::text IS NULL OR status = $1)
          AND ($2::text IS NULL OR region_id = $2)
          AND ($5::text IS NULL OR subsidiary_id = $5)
          AND ($6::text[] IS NULL OR supplier_id = ANY($6))
        ORDER BY reported_at DESC, ticket_id DESC
        LIMIT $3 OFFSET $4`,
      [
        query.status ?? null,
        query.regionId ?? null,
        limit,
        offset,
        query.subsidiaryId ?? null,
        query.supplierIds ?? null,
      ],
    );
    return result.rows.map(toTicketView);
  }

  /**
   * Open tickets each of `assigneeIds` holds in `role` now, 0 for those
   * with none, for "least open tickets first" assignment.
   */
  async countOpenByHolder(
    role: RoleId,
    assigneeIds: readonly string[],
  ): Promise<Record<string, number>> {
    const counts: Record<string, number> = Object.fromEntries(
      assigneeIds.map((id) => [id, 0]),
    );
    if (assigneeIds.length === 0) return counts;
    const result = await this.pool.query<{ assignee_id: string; n: string }>(
      prepared(
        `SELECT assignee_id, count(*) AS n FROM ${this.inboxItems}
          WHERE role = $1 AND assignee_id = ANY($2::text[])
          GROUP BY assignee_id`,
      )([role, assigneeIds]),
    );
    for (const row of result.rows) counts[row.assignee_id] = Number(row.n);
    return counts;
  }
}
