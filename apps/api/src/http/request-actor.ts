import type { Actor, RoleId } from '@opsdesk/domain';
import type { Request } from 'express';
import { actingActor } from '../auth/acting-actor';
import { ApiError } from './api-error';

/**
 * The acting person, from the verified bearer token (there are no actor
 * headers any more). Prefer `actingActor`, which also names the command
 * in a 403; this form is kept for callers that have no command at hand.
 */
export function actorOf(request: Request, defaultRole: RoleId): Actor {
  return actingActor(request, defaultRole, 'request', 'act');
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** The `Idempotency-Key` header, checked for form; undefined when absent. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ApiError(400, 'INVALID_REQUEST', 'Malformed Idempotency-Key', {
      fields: [
        {
          field: 'header.idempotency-key',
          problems: ['8–128 of A-Z a-z 0-9 . _ : -'],
        },
      ],
    });
  }
  return key;
}
