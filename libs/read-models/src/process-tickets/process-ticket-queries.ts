import { ROLES, type Label, type RoleId } from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { ReadModelProjectionOptions } from '../projection';
import { checkPage } from '../queries/page';
import type { Page } from '../queries/ticket-query.types';
import type { AnyDefinition } from './process-tickets.spec-type';
import { processTicketTables } from './process-tickets.tables';

type Row = Record<string, unknown>;

/**
 * Whose tickets a reader may see: headquarters sees all, anyone else the
 * tickets of their own subsidiary (the same rule as the domain's
 * `actorSees`). Absent: no filter, for internal readers.
 */
export interface Visibility {
  subsidiary?: string;
  headquarters?: boolean;
  /**
   * Only the tickets of this member of the app (the folded state's
   * `memberId`, whoever opened them); such a reader has no inbox and no
   * report rows.
   */
  memberId?: string;
}

export interface ProcessTicketView {
  ticketId: string;
  processId: string;
  ticketNumber: string | null;
  subsidiaryId: string | null;
  status: string;
  statusZh: string;
  holderRole: string | null;
  holderRoleZh: string | null;
  assigneeId: string | null;
  headline: string | null;
  outcome: string | null;
  amountFen: number | null;
  facts: Record<string, unknown>;
  terminal: boolean;
  reportedAt: string;
  reportedAtShanghai: string;
  reportedDay: string;
  updatedAt: string;
  closedAt: string | null;
  lastRevision: number;
  state: Record<string, unknown>;
}

export interface ProcessInboxItem {
  ticketId: string;
  role: string;
  roleZh: string;
  assigneeId: string | null;
  status: string;
  statusZh: string;
  since: string;
  sinceShanghai: string;
  ticketNumber: string | null;
  headline: string | null;
}

export interface ProcessTimelineEntry {
  ticketId: string;
  revision: number;
  eventId: string;
  type: string;
  labelZh: string;
  labelEn: string;
  actorId: string | null;
  actorRole: string | null;
  actorRoleZh: string | null;
  actorKind: string | null;
  recordedAt: string;
  recordedAtShanghai: string;
  summaryZh: string | null;
  data: Record<string, unknown>;
}

/** One reporting row: a Shanghai day, a status and an outcome. */
export interface ProcessReportRow {
  processId: string;
  day: string;
  status: string;
  outcome: string | null;
  tickets: number;
  closed: number;
  amountFen: number;
}

export interface ProcessTicketListQuery extends Page {
  status?: string;
  outcome?: string;
}

function iso(value: unknown): string {
  return (value as Date).toISOString();
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function day(value: unknown): string {
  // node-postgres returns a `date` as a local-midnight Date; the test and
  // production processes run with TZ=UTC, but format without relying on it.
  const d = value as Date;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The read side of one process's ticket view, inbox and timeline. */
export class ProcessTicketQueries {
  private readonly tables: ReturnType<typeof processTicketTables>;

  constructor(
    private readonly pool: Pool,
    private readonly definition: AnyDefinition,
    tablePrefix: string,
    options: ReadModelProjectionOptions = {},
  ) {
    this.tables = processTicketTables(tablePrefix, options.tableSuffix);
  }

  get processId(): string {
    return this.definition.processId;
  }

  async getTicket(
    ticketId: string,
    visibility?: Visibility,
  ): Promise<ProcessTicketView | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM ${this.tables.tickets}
        WHERE ticket_id = $1 AND ${visible(2)} AND ${ownedBy(5)}`,
      [ticketId, ...visibilityParams(visibility), visibility?.memberId ?? null],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  }

  /** Every event of a visible ticket, oldest first; empty otherwise. */
  async getTimeline(
    ticketId: string,
    visibility?: Visibility,
  ): Promise<ProcessTimelineEntry[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT e.* FROM ${this.tables.timeline} e
         JOIN ${this.tables.tickets} t ON t.ticket_id = e.ticket_id
        WHERE e.ticket_id = $1 AND ${visible(2, 't.')} AND ${ownedBy(5, 't.')}
        ORDER BY e.revision`,
      [ticketId, ...visibilityParams(visibility), visibility?.memberId ?? null],
    );
    return rows.map(toTimelineEntry);
  }

  /** Tickets, newest report first. */
  async listTickets(
    query: ProcessTicketListQuery,
    visibility?: Visibility,
  ): Promise<ProcessTicketView[]> {
    const { limit, offset } = checkPage(query);
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM ${this.tables.tickets}
        WHERE ($1::text IS NULL OR status = $1)
          AND ($2::text IS NULL OR outcome = $2)
          AND ${visible(3)}
          AND ${ownedBy(8)}
        ORDER BY reported_at DESC, ticket_id DESC
        LIMIT $6 OFFSET $7`,
      [
        query.status ?? null,
        query.outcome ?? null,
        ...visibilityParams(visibility),
        limit,
        offset,
        visibility?.memberId ?? null,
      ],
    );
    return rows.map(toTicket);
  }

  /** The role's open tickets, the one waiting longest first. */
  async listInbox(
    role: RoleId,
    query: Page & { assigneeId?: string },
    visibility?: Visibility,
  ): Promise<ProcessInboxItem[]> {
    const { limit, offset } = checkPage(query);
    if (visibility?.memberId !== undefined) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM ${this.tables.inbox}
        WHERE role = $1 AND ($2::text IS NULL OR assignee_id = $2)
          AND ${visible(3)}
        ORDER BY since, ticket_id
        LIMIT $6 OFFSET $7`,
      [
        role,
        query.assigneeId ?? null,
        ...visibilityParams(visibility),
        limit,
        offset,
      ],
    );
    return rows.map((row) => this.toInboxItem(row));
  }

  /**
   * Tickets reported on each Shanghai day in `[from, to]`, by status and
   * outcome, with how many are closed and the money they decided.
   */
  async reportRows(
    range: { from: string; to: string },
    visibility?: Visibility,
  ): Promise<ProcessReportRow[]> {
    if (visibility?.memberId !== undefined) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT reported_day, status, outcome, count(*) AS tickets,
              count(*) FILTER (WHERE terminal) AS closed,
              coalesce(sum(amount_fen), 0) AS amount_fen
         FROM ${this.tables.tickets}
        WHERE reported_day BETWEEN $1::date AND $2::date AND ${visible(3)}
        GROUP BY reported_day, status, outcome
        ORDER BY reported_day, status, outcome NULLS FIRST`,
      [range.from, range.to, ...visibilityParams(visibility)],
    );
    return rows.map((row) => ({
      processId: this.processId,
      day: day(row.reported_day),
      status: String(row.status),
      outcome: text(row.outcome),
      tickets: Number(row.tickets),
      closed: Number(row.closed),
      amountFen: Number(row.amount_fen),
    }));
  }

  private toInboxItem(row: Row): ProcessInboxItem {
    const role = String(row.role);
    const status = String(row.status);
    const labels = this.definition.stateLabels as Record<string, Label>;
    return {
      ticketId: String(row.ticket_id),
      role,
      roleZh: ROLES[role as RoleId]?.zh ?? role,
      assigneeId: text(row.assignee_id),
      status,
      statusZh: labels[status]?.zh ?? status,
      since: iso(row.since),
      sinceShanghai: shanghaiTime(row.since as Date),
      ticketNumber: text(row.ticket_number),
      headline: text(row.headline),
    };
  }
}

/**
 * The visibility condition with its three parameters starting at `$n`:
 * filter on?, headquarters?, subsidiary.
 */
function visible(n: number, alias = ''): string {
  return `(NOT $${n}::boolean OR $${n + 1}::boolean
           OR ${alias}subsidiary_id IS NOT DISTINCT FROM $${n + 2}::text)`;
}

/** $n the member whose tickets alone are read, or null for any. */
function ownedBy(n: number, alias = ''): string {
  return `($${n}::text IS NULL OR ${alias}state->>'memberId' = $${n})`;
}

function visibilityParams(v: Visibility | undefined): unknown[] {
  return [v !== undefined, v?.headquarters === true, v?.subsidiary ?? null];
}

function toTicket(row: Row): ProcessTicketView {
  return {
    ticketId: String(row.ticket_id),
    processId: String(row.process_id),
    ticketNumber: text(row.ticket_number),
    subsidiaryId: text(row.subsidiary_id),
    status: String(row.status),
    statusZh: String(row.status_zh),
    holderRole: text(row.holder_role),
    holderRoleZh: text(row.holder_role_zh),
    assigneeId: text(row.assignee_id),
    headline: text(row.headline),
    outcome: text(row.outcome),
    amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
    facts: row.facts as Record<string, unknown>,
    terminal: Boolean(row.terminal),
    reportedAt: iso(row.reported_at),
    reportedAtShanghai: shanghaiTime(row.reported_at as Date),
    reportedDay: day(row.reported_day),
    updatedAt: iso(row.updated_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    lastRevision: Number(row.last_revision),
    state: row.state as Record<string, unknown>,
  };
}

function toTimelineEntry(row: Row): ProcessTimelineEntry {
  return {
    ticketId: String(row.ticket_id),
    revision: Number(row.revision),
    eventId: String(row.event_id),
    type: String(row.type),
    labelZh: String(row.label_zh),
    labelEn: String(row.label_en),
    actorId: text(row.actor_id),
    actorRole: text(row.actor_role),
    actorRoleZh: text(row.actor_role_zh),
    actorKind: text(row.actor_kind),
    recordedAt: iso(row.recorded_at),
    recordedAtShanghai: shanghaiTime(row.recorded_at as Date),
    summaryZh: text(row.summary_zh),
    data: row.data as Record<string, unknown>,
  };
}
