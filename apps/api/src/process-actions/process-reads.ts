import { isRoleId, type Label } from '@opsdesk/domain';
import type {
  ProcessTicketQueries,
  ProcessTicketView,
} from '@opsdesk/read-models';
import type { Request } from 'express';
import { onlyQueryParams } from '../http/query-params';
import {
  dayOf,
  invalid,
  notFound,
  pageOf,
  visibilityOf,
} from './process-reader';

/**
 * The read endpoints every money process has, written once: a ticket, its
 * timeline, a list, a role's inbox and the reporting rows.
 */
export class ProcessReads {
  constructor(
    private readonly queries: ProcessTicketQueries,
    private readonly stateLabels: Readonly<Record<string, Label>>,
  ) {}

  async ticket(request: Request, ticketId: string) {
    const visibility = visibilityOf(request);
    const ticket = await this.queries.getTicket(ticketId, visibility);
    if (!ticket) throw notFound(ticketId);
    return visibility.memberId === undefined ? ticket : asMemberSees(ticket);
  }

  async timeline(request: Request, ticketId: string) {
    const entries = await this.queries.getTimeline(
      ticketId,
      visibilityOf(request),
    );
    if (entries.length === 0) throw notFound(ticketId);
    return { ticketId, entries };
  }

  async list(request: Request, query: Record<string, unknown>) {
    onlyQueryParams(query, ['status', 'outcome', 'limit', 'offset']);
    const status = query.status;
    if (status !== undefined && !this.isState(status)) {
      throw invalid('query.status', 'unknown state');
    }
    const outcome = query.outcome;
    if (outcome !== undefined && typeof outcome !== 'string') {
      throw invalid('query.outcome', 'must be a string');
    }
    const visibility = visibilityOf(request);
    const items = await this.queries.listTickets(
      {
        status: status as string | undefined,
        outcome: outcome as string | undefined,
        ...pageOf(query.limit, query.offset),
      },
      visibility,
    );
    return {
      items:
        visibility.memberId === undefined ? items : items.map(asMemberSees),
    };
  }

  async inbox(request: Request, role: string, query: Record<string, unknown>) {
    if (!isRoleId(role)) throw invalid('path.role', 'unknown role');
    onlyQueryParams(query, ['assigneeId', 'limit', 'offset']);
    const assigneeId = query.assigneeId;
    if (assigneeId !== undefined && typeof assigneeId !== 'string') {
      throw invalid('query.assigneeId', 'must be a string');
    }
    const items = await this.queries.listInbox(
      role,
      {
        assigneeId: assigneeId as string | undefined,
        ...pageOf(query.limit, query.offset),
      },
      visibilityOf(request),
    );
    return { role, items };
  }

  async report(request: Request, query: Record<string, unknown>) {
    onlyQueryParams(query, ['from', 'to']);
    const from = dayOf('query.from', query.from);
    const to = dayOf('query.to', query.to);
    if (from > to) throw invalid('query.to', 'must not be before from');
    const rows = await this.queries.reportRows(
      { from, to },
      visibilityOf(request),
    );
    return { processId: this.queries.processId, from, to, rows };
  }

  private isState(value: unknown): value is string {
    return (
      typeof value === 'string' &&
      Object.prototype.hasOwnProperty.call(this.stateLabels, value)
    );
  }
}

/**
 * A ticket as the member whose it is reads it: where it stands and
 * what it decided, without the desk's working data (the person holding
 * it, the folded state).
 */
function asMemberSees(ticket: ProcessTicketView) {
  const { assigneeId, state, lastRevision, ...seen } = ticket;
  return seen;
}
