import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** Seconds; an answer of the API takes milliseconds, a command's wait up to seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Express middleware that counts every answer by method, route and status
 * and times it, from the moment the request arrived to the last byte sent.
 * Installed first, so that a `401` from the token check or a `429` from
 * the rate limit counts too.
 */
export function httpRequestMetrics(registry: Registry) {
  const answered = new Histogram({
    name: 'opsdesk_http_request_duration_seconds',
    help: 'HTTP answers by method, route template and status, and the seconds each took',
    labelNames: ['method', 'route', 'status'],
    buckets: BUCKETS,
    registers: [registry],
  });
  return (request: Request, response: Response, next: NextFunction) => {
    const end = answered.startTimer();
    // 'close' comes after 'finish', or alone when the client went away
    // before its answer (while a command waited, say): `aborted` then.
    response.once('close', () => {
      end({
        method: methodOf(request),
        route: routeOf(request),
        status: response.writableFinished
          ? String(response.statusCode)
          : 'aborted',
      });
    });
    next();
  };
}

const METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/** The method; Node knows some thirty more, counted together as `other`. */
export function methodOf(request: Request): string {
  return METHODS.has(request.method) ? request.method : 'other';
}

/**
 * The template of the route that answered (`/station-faults/:ticketId`),
 * never the path itself: a series per ticket id would grow without bound.
 * `unmatched` for whatever no API route answered (unknown paths, the
 * dashboard's static files, a request refused before routing).
 */
export function routeOf(request: Request): string {
  const route = (request as { route?: { path?: unknown } }).route;
  if (typeof route?.path !== 'string') return 'unmatched';
  return `${request.baseUrl}${route.path}`;
}
