import { ParseUUIDPipe } from '@nestjs/common';
import type { EventStore } from '@opsdesk/event-store';
import type { ProcessCatalog } from '@opsdesk/messaging';
import type { Visibility } from '@opsdesk/read-models';
import type { Request } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { outsidePartyOf } from '../auth/outside-party-reads';
import { isHeadquarters } from '../auth/principal';
import { ticketAccess } from '../auth/ticket-visibility';
import { ApiError } from '../http/api-error';

export function invalid(field: string, problem: string): ApiError {
  return new ApiError(400, 'INVALID_REQUEST', `Invalid ${field}`, {
    fields: [{ field, problems: [problem] }],
  });
}

export function notFound(ticketId: string): ApiError {
  return new ApiError(
    404,
    'TICKET_NOT_FOUND',
    `Ticket ${ticketId} does not exist`,
    { ticketId },
  );
}

/**
 * The ticket's state folded from the log, for a step that must not wait
 * on the read model, which lags a moment behind the answer that made the
 * ticket or moved it; one the caller cannot see is a 404.
 */
export async function foldedTicket(
  store: EventStore,
  processes: ProcessCatalog,
  processId: string,
  ticketId: string,
  request: Request,
): Promise<Record<string, unknown>> {
  const access = await ticketAccess(
    store,
    processes,
    processId,
    ticketId,
    requirePrincipal(request),
  );
  if (access.kind !== 'visible') throw notFound(ticketId);
  return access.state;
}

/** `path.ticketId` as a UUID, or a 400 naming it. */
export const ticketIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => invalid('path.ticketId', 'must be a UUID'),
});

/** A page of at most 200, from query strings already defaulted. */
export function pageOf(limit: unknown, offset: unknown) {
  const l = Number(limit ?? 50);
  const o = Number(offset ?? 0);
  if (!Number.isInteger(l) || l < 1 || l > 200) {
    throw invalid('query.limit', 'must be an integer 1–200');
  }
  if (!Number.isInteger(o) || o < 0) {
    throw invalid('query.offset', 'must be an integer, 0 or more');
  }
  return { limit: l, offset: o };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A Shanghai calendar day `YYYY-MM-DD`, or a 400 naming the parameter. */
export function dayOf(field: string, value: unknown): string {
  if (
    typeof value !== 'string' ||
    !DAY.test(value) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw invalid(field, 'must be a date YYYY-MM-DD');
  }
  return value;
}

/**
 * Whose tickets the caller may read, from the verified token:
 * headquarters all, anyone else their own subsidiary's, and a member of
 * the app only the ones of their membership (`memberId`).
 */
export function visibilityOf(request: Request): Visibility {
  const principal = requirePrincipal(request);
  const visibility: Visibility = isHeadquarters(principal)
    ? { headquarters: true }
    : { subsidiary: principal.subsidiary };
  return outsidePartyOf(request) === 'user'
    ? { ...visibility, memberId: principal.id }
    : visibility;
}
