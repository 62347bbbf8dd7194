import { isRoleId, type Actor, type RoleId } from '@opsdesk/domain';
import type { Request } from 'express';
import { ApiError } from './api-error';

const ACTOR_ID = /^[\p{L}\p{N}._:@-]{1,64}$/u;

/**
 * The acting person, from `X-Actor-Id` and `X-Actor-Role`; the role
 * defaults to the one the action belongs to.
 * TODO(#7): take the actor from a verified bearer token instead of headers.
 */
export function actorOf(request: Request, defaultRole: RoleId): Actor {
  const roleHeader = request.header('x-actor-role');
  const idHeader = request.header('x-actor-id');
  if (roleHeader !== undefined && !isRoleId(roleHeader)) {
    throw new ApiError(400, 'INVALID_REQUEST', 'Unknown X-Actor-Role', {
      fields: [{ field: 'header.x-actor-role', problems: ['unknown role'] }],
    });
  }
  if (idHeader !== undefined && !ACTOR_ID.test(idHeader)) {
    throw new ApiError(400, 'INVALID_REQUEST', 'Malformed X-Actor-Id', {
      fields: [
        {
          field: 'header.x-actor-id',
          problems: ['1–64 letters, digits or ._:@-'],
        },
      ],
    });
  }
  const role = (roleHeader as RoleId | undefined) ?? defaultRole;
  return { id: idHeader ?? `desk:${role}`, role, kind: 'person' };
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
