import type { GlobalPosition } from '@opsdesk/event-store';
import { fenceLeaseQuery, prepared, type Fence } from '@opsdesk/platform';
import type { Pool, PoolClient } from 'pg';
import { CheckpointMovedError } from '../read-model.errors';

export interface Checkpoint {
  name: string;
  /** Null before the first event: subscribe from the start of the log. */
  position: GlobalPosition | null;
  eventsApplied: number;
  updatedAt: string;
}

interface CheckpointRow {
  name: string;
  position: string | null;
  events_applied: string;
  updated_at: Date;
}

/** $3 the new position, $4 the events it moves past. */
const MOVE = `position = $3,
            events_applied = events_applied + $4,
            updated_at = now()`;

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    name: row.name,
    position: row.position,
    eventsApplied: Number(row.events_applied),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Creates the row of a projection that never ran, then reads it. */
export async function loadCheckpoint(
  pool: Pool,
  name: string,
): Promise<Checkpoint> {
  await pool.query(
    `INSERT INTO projection_checkpoints (name) VALUES ($1)
     ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  const result = await pool.query<CheckpointRow>(
    `SELECT name, position, events_applied, updated_at
       FROM projection_checkpoints WHERE name = $1`,
    [name],
  );
  return toCheckpoint(result.rows[0]);
}

const MOVE_CHECKPOINT = prepared(
  `UPDATE projection_checkpoints
      SET ${MOVE}
    WHERE name = $1 AND position IS NOT DISTINCT FROM $2`,
);

const MOVE_FENCED_CHECKPOINT = prepared(
  `WITH ${fenceLeaseQuery(5, 6)},
        moved AS (
          UPDATE projection_checkpoints
             SET ${MOVE}
           WHERE name = $1 AND position IS NOT DISTINCT FROM $2
             AND EXISTS (SELECT 1 FROM fence_lease
                          WHERE fencing_token = $7::bigint)
          RETURNING 1)
   SELECT (SELECT fencing_token::text FROM fence_lease) AS token,
          (SELECT count(*)::int FROM moved) AS moved`,
);

/**
 * Moves the checkpoint inside the caller's transaction, only if it still
 * holds `expected`. Run it before the projection's writes: the row lock
 * then makes a second instance wait here, and fail, instead of applying
 * the same events beside this one.
 *
 * Under a lease the same statement checks the fence first, so a former
 * holder moves nothing and the transaction goes on to write nothing.
 */
export async function advanceCheckpoint(
  client: PoolClient,
  name: string,
  expected: GlobalPosition | null,
  next: GlobalPosition,
  count: number,
  fence?: Fence,
): Promise<void> {
  if (!fence) {
    const result = await client.query(
      MOVE_CHECKPOINT([name, expected, next, count]),
    );
    if (result.rowCount !== 1) throw new CheckpointMovedError(name, expected);
    return;
  }
  const { rows } = await client.query<{ token: string | null; moved: number }>(
    MOVE_FENCED_CHECKPOINT([
      name,
      expected,
      next,
      count,
      fence.lease,
      String(fence.idleLimitMs),
      fence.token,
    ]),
  );
  fence.confirm(rows[0].token);
  if (rows[0].moved !== 1) throw new CheckpointMovedError(name, expected);
}

/**
 * Sets a projection back to `position` (null: the start of the log), so
 * it replays from there. A running runner notices on its next event.
 */
export async function resetCheckpoint(
  pool: Pool,
  name: string,
  position: GlobalPosition | null = null,
): Promise<void> {
  await pool.query(
    `INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2)
     ON CONFLICT (name)
     DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
    [name, position],
  );
}
