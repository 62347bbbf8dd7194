import type { NextFunction, Request, Response } from 'express';
import type { Scope } from '@opsdesk/read-models';
import { requirePrincipal } from './acting-actor';
import { baseRoleOf, principalOf, scopeOf, type Principal } from './principal';

/**
 * Read by every outside party: a command's outcome (its id is the
 * caller's own, and unguessable), the stations and the regions.
 */
const COMMON = [
  /^\/commands\/[^/]+\/?$/,
  /^\/stations(\/[^/]+)?\/?$/,
  /^\/regions\/?$/,
];

/** The outside parties, the one that reads least first. */
const LEAST_READING_FIRST = ['user', 'charging-pile-supplier'] as const;

type OutsideParty = (typeof LEAST_READING_FIRST)[number];

/**
 * People outside the operator, and what each may read. The app's member
 * (用户) acts through the commands of their processes (an e-invoice, a
 * repair booking), whose answers carry the ticket made, and follows the
 * invoice cases of their membership, their e-invoices and the paper ones
 * asked for by phone (the list and each case, by its UUID, not the
 * timeline: visibilityOf keeps them to their own). A charging-pile
 * supplier (充电桩供应商) finds its work in its inbox and reads station
 * faults, without the reporter (queries/without-personal-data.ts).
 */
const OUTSIDE_PARTIES: Readonly<Record<OutsideParty, readonly RegExp[]>> = {
  user: [...COMMON, /^\/invoices(\/[0-9a-f]{8}-[0-9a-f-]{27})?\/?$/i],
  'charging-pile-supplier': [
    ...COMMON,
    /^\/station-faults(\/[^/]+(\/timeline)?)?\/?$/,
    /^\/inbox\/charging-pile-supplier\/?$/,
  ],
};

/**
 * The outside party a token speaks for: undefined when it holds any staff
 * role. A token of several outside parties (a member who is also a
 * supplier's engineer) reads as the one that reads least.
 */
export function outsidePartyOf(request: Request): OutsideParty | undefined {
  const principal = principalOf(request);
  if (!principal) return undefined;
  const roles = new Set(principal.roles.map(baseRoleOf));
  if (![...roles].every((role) => Object.hasOwn(OUTSIDE_PARTIES, role))) {
    return undefined;
  }
  return LEAST_READING_FIRST.find((party) => roles.has(party));
}

/**
 * Whose station faults the caller reads: staff their subsidiary's (or
 * every one, at headquarters); a charging-pile supplier only the ones
 * handed to its firm (the token's `org`, a roster supplier id) now: a
 * fault operations hand on to another supplier is that one's. A
 * supplier's token without a firm reads none, nor does a member (whom
 * the gate below stops first). Another's is unknown.
 */
export function readScopeOf(request: Request): Scope {
  const principal = requirePrincipal(request);
  const scope = scopeOf(principal);
  const party = outsidePartyOf(request);
  if (!party) return scope;
  const supplierIds =
    party === 'charging-pile-supplier' ? firmOf(principal) : [];
  return { ...scope, supplierIds };
}

/** The supplier firm a supplier's token works for, if it names one. */
export function firmOf(principal: Principal): string[] {
  return principal.org === undefined ? [] : [principal.org];
}

/**
 * The timers' hooks (`run-due-timers`, `run-due-steps`) run what is due
 * for the desk and answer with the ticket's state and due times: the
 * operator's, not an outside party's.
 */
// Express matches routes whatever their case, so this does too.
const TIMER_HOOK = /\/run-due-[a-z]+\/?$/i;

/**
 * The read endpoints show whole tickets of a subsidiary, reporters' and
 * buyers' names and phones included: staff work. A token whose roles are
 * all outside parties' gets `403` on every read but its own list, and on
 * the timers' hooks.
 * TODO(#7): a member's own tickets of the other processes they open (a
 * repair booking, a traffic violation's notice) are not readable yet.
 */
export function outsidePartiesReadTheirOwn(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const party = outsidePartyOf(request);
  if (!party) {
    next();
    return;
  }
  if (TIMER_HOOK.test(request.path)) {
    refuse(response, party, 'timers:run', 'runs no timer');
    return;
  }
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (
    isRead &&
    !OUTSIDE_PARTIES[party].some((pattern) => pattern.test(request.path))
  ) {
    refuse(response, party, 'tickets:read', 'reads no such page');
    return;
  }
  next();
}

function refuse(
  response: Response,
  party: OutsideParty,
  permission: string,
  what: string,
): void {
  response.status(403).json({
    error: {
      code: 'ROLE_NOT_PERMITTED',
      message: `A ${party} ${what} through this API`,
      details: { role: party, permission },
    },
  });
}
