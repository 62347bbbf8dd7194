import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { ApiError } from '../http/api-error';

export interface ClaimedKey {
  commandId: string;
  ticketId: string;
}

/**
 * Binds an `Idempotency-Key` to one command: the first request claims it,
 * a repeat gets the same command id (and ticket id, for an intake), and a
 * different request under the same key is refused.
 */
export class IdempotencyKeys {
  constructor(private readonly pool: Pool) {}

  async claim(
    key: string,
    request: unknown,
    proposed: ClaimedKey,
  ): Promise<ClaimedKey> {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(request))
      .digest('hex');
    await this.pool.query(
      `INSERT INTO idempotency_keys (key, fingerprint, command_id, ticket_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING`,
      [key, fingerprint, proposed.commandId, proposed.ticketId],
    );
    const { rows } = await this.pool.query<{
      fingerprint: string;
      command_id: string;
      ticket_id: string;
    }>(
      'SELECT fingerprint, command_id, ticket_id FROM idempotency_keys WHERE key = $1',
      [key],
    );
    const claimed = rows[0];
    if (claimed.fingerprint !== fingerprint) {
      throw new ApiError(
        409,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request',
        { key },
      );
    }
    return { commandId: claimed.command_id, ticketId: claimed.ticket_id };
  }
}
