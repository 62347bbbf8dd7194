import type { GlobalPosition } from '@opsdesk/event-store';
import { prepared, type Fence } from '@opsdesk/platform';
import type { PoolClient } from 'pg';
import { CheckpointMovedError } from '../read-model.errors';

/** One projection's checkpoint move of a page (see advanceCheckpoint). */
export interface CheckpointMove {
  name: string;
  expected: GlobalPosition | null;
  next: GlobalPosition;
  /** The events the move goes past. */
  count: number;
  /** The lease the projection writes under; none when run alone. */
  fence?: Fence;
}

/** The moves, one row each: `m(name, expected, next, count)`. */
const MOVES = `moves AS (
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
       AS m(name, expected, next, count))`;

/** Moves each checkpoint that still holds `expected`, naming those moved. */
const MOVED = (fenced: string) => `moved AS (
     UPDATE projection_checkpoints c
        SET position = m.next,
            events_applied = c.events_applied + m.count,
            updated_at = now()
       FROM moves m
      WHERE c.name = m.name AND c.position IS NOT DISTINCT FROM m.expected
        ${fenced}
     RETURNING c.name)`;

const MOVE_CHECKPOINTS = prepared(
  `WITH ${MOVES}, ${MOVED('')}
   SELECT m.name, NULL::text AS token,
          EXISTS (SELECT 1 FROM moved WHERE moved.name = m.name) AS moved
     FROM moves m`,
);

/**
 * The same under leases, each move under its own ($5 its lease, $6 its
 * token): the lease rows are share-locked (a takeover waits for this
 * transaction), a move happens only while its lease holds its token, and
 * each move's token comes back for its fence to confirm. The idle limit
 * ($7) is the shortest lease's lifetime (see fenceLeaseQuery).
 */
const MOVE_FENCED_CHECKPOINTS = prepared(
  `WITH ${MOVES},
   fences AS (
     SELECT * FROM unnest($1::text[], $5::text[], $6::bigint[])
       AS f(name, lease, token)
   ), fence_lease AS MATERIALIZED (
     SELECT name AS lease, fencing_token FROM consumer_leases
      WHERE name IN (SELECT lease FROM fences)
      ORDER BY name FOR SHARE
   ), idle_limit AS MATERIALIZED (
     SELECT set_config('idle_in_transaction_session_timeout', $7, true)
   ), ${MOVED(`AND EXISTS (
          SELECT 1 FROM fences f
            LEFT JOIN fence_lease l ON l.lease = f.lease
           WHERE f.name = m.name
             AND (f.lease IS NULL OR l.fencing_token = f.token))`)}
   SELECT m.name,
          (SELECT l.fencing_token::text FROM fences f
             JOIN fence_lease l ON l.lease = f.lease
            WHERE f.name = m.name) AS token,
          EXISTS (SELECT 1 FROM moved WHERE moved.name = m.name) AS moved,
          (SELECT count(*) FROM idle_limit)::int AS limits_set
     FROM moves m`,
);

/**
 * Moves the checkpoints of the projections sharing a page's transaction,
 * one round trip for all, before any of them writes: a fenced-off
 * projection (LeaseLostError, through its fence) or a moved checkpoint
 * (CheckpointMovedError) fails the transaction before anything is
 * written, and the caller makes each commit again alone.
 */
export async function advanceCheckpoints(
  client: PoolClient,
  moves: readonly CheckpointMove[],
): Promise<void> {
  const fences = moves.flatMap((m) => (m.fence ? [m.fence] : []));
  const names = moves.map((m) => m.name);
  const positions = [
    names,
    moves.map((m) => m.expected),
    moves.map((m) => m.next),
    moves.map((m) => m.count),
  ];
  const { rows } = await client.query<{
    name: string;
    token: string | null;
    moved: boolean;
  }>(
    fences.length === 0
      ? MOVE_CHECKPOINTS(positions)
      : MOVE_FENCED_CHECKPOINTS([
          ...positions,
          moves.map((m) => m.fence?.lease ?? null),
          moves.map((m) => m.fence?.token ?? null),
          String(Math.min(...fences.map((f) => f.idleLimitMs))),
        ]),
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  for (const move of moves) {
    const row = byName.get(move.name);
    move.fence?.confirm(row?.token);
    if (!row?.moved) throw new CheckpointMovedError(move.name, move.expected);
  }
}
