import type { NextFunction, Request, Response } from 'express';
import type { Scope } from '@opsdesk/read-models';
import { requirePrincipal } from './acting-actor';
import { baseRoleOf, principalOf, scopeOf } from './principal';

/**
 * Read by every outside party: a command's outcome (its id is the
 * caller's own, and unguessable), the stations and the regions.
 */
const COMMON = [
  /^\/commands\/[^/]+\/?$/,
  /^\/stations(\/[^/]+)?\/?$/,
  /^\/regions\/?$/,
];

/**
 * People outside the operator, and what each may read. The app's member
 * (用户) acts through the commands of their processes (an e-invoice, a
 * repair booking), whose answers carry the ticket made, and follows the
 * e-invoice cases they opened (the list and each case, by its UUID, not
 * the timeline: visibilityOf keeps them to their own). A charging-pile
 * supplier (充电桩供应商) finds its work in its inbox and reads station
 * faults, without the reporter (queries/without-personal-data.ts).
 */
const OUTSIDE_PARTIES: Readonly<Record<string, readonly RegExp[]>> = {
  user: [...COMMON, /^\/invoices(\/[0-9a-f]{8}-[0-9a-f-]{27})?\/?$/i],
  'charging-pile-supplier': [
    ...COMMON,
    /^\/station-faults(\/[^/]+(\/timeline)?)?\/?$/,
    /^\/inbox\/charging-pile-supplier\/?$/,
  ],
};

/** The outside party a token speaks for; undefined for any staff role. */
export function outsidePartyOf(request: Request): string | undefined {
  const principal = principalOf(request);
  if (!principal) return undefined;
  const roles = new Set(principal.roles.map(baseRoleOf));
  const [only] = roles;
  return roles.size === 1 && only in OUTSIDE_PARTIES ? only : undefined;
}

/**
 * Whose station faults the caller reads: staff their subsidiary's (or
 * every one, at headquarters); a charging-pile supplier only the ones
 * handed to it, by its organisation (`org`) or to the engineer by name,
 * as the domain lets either act on them. Another's ticket is unknown.
 */
export function readScopeOf(request: Request): Scope {
  const principal = requirePrincipal(request);
  const scope = scopeOf(principal);
  if (outsidePartyOf(request) !== 'charging-pile-supplier') return scope;
  const supplierIds = [principal.id];
  if (principal.org !== undefined) supplierIds.push(principal.org);
  return { ...scope, supplierIds };
}

/**
 * The read endpoints show whole tickets of a subsidiary, reporters' and
 * buyers' names and phones included: staff work. A token whose roles are
 * all one outside party's gets `403` on every read but its own list.
 * TODO(#7): a member's own tickets of the other processes they open (a
 * repair booking, a traffic violation's notice) are not readable yet.
 */
export function outsidePartiesReadTheirOwn(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const party = outsidePartyOf(request);
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (
    !isRead ||
    !party ||
    OUTSIDE_PARTIES[party].some((pattern) => pattern.test(request.path))
  ) {
    next();
    return;
  }
  response.status(403).json({
    error: {
      code: 'ROLE_NOT_PERMITTED',
      message: `A ${party} reads no such page through this API`,
      details: { role: party, permission: 'tickets:read' },
    },
  });
}
