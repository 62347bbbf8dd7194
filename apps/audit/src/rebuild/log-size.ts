import type { Pool } from 'pg';

/**
 * How many events the log holds under these prefixes, for the progress
 * bar's percentage and ETA; undefined when it cannot be counted. The port
 * has no count, so this reads the PostgreSQL adapter's `events` table.
 * TODO(#4): a count (or the head position) in the event-store port.
 */
export async function countLogEvents(
  pool: Pool,
  streamPrefixes: readonly string[],
): Promise<number | undefined> {
  try {
    const { rows } = await pool.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM events
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS p(prefix)
                       WHERE starts_with(stream_name, p.prefix))`,
      [streamPrefixes],
    );
    return Number(rows[0].count);
  } catch {
    return undefined;
  }
}
