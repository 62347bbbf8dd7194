import type { Pool, PoolClient } from 'pg';
import { InvalidPositionError } from '../event-store.errors';
import { decodePosition, type LogCursor } from './global-position';

/** How current the PostgreSQL log is, for operators (`/metrics`). */
export interface LogFigures {
  /** Seconds since the newest event was recorded; null for an empty log. */
  newestEventAgeSeconds: number | null;
  /**
   * Seconds since the oldest transaction on the server that has written
   * (holds a transaction id) began, 0 when none is open. Readers of the
   * log see no event committed after it took its id until it ends (see
   * log-queries.ts), so while it stays open every projection and the
   * process manager stand still. Counted from the transaction's start,
   * which may come before its first write: an upper bound of the hold.
   * The server's, not this database's: the gate is the server's too. A
   * role without `pg_read_all_stats` sees other roles' transactions
   * without their start and leaves them out; prepared transactions hold
   * readers back too and are not counted (this project prepares none).
   */
  oldestWriteTransactionSeconds: number;
}

const LOG_FIGURES = `
  SELECT
    (SELECT extract(epoch FROM now() - recorded_at)::float8
       FROM events ORDER BY tx_id DESC, position DESC LIMIT 1) AS newest,
    (SELECT coalesce(extract(epoch FROM now() - min(xact_start)), 0)::float8
       FROM pg_stat_activity
      WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()) AS oldest_writer`;

export async function readLogFigures(
  db: Pool | PoolClient,
): Promise<LogFigures> {
  const { rows } = await db.query<{
    newest: number | null;
    oldest_writer: number;
  }>(LOG_FIGURES);
  return {
    newestEventAgeSeconds: rows[0].newest,
    oldestWriteTransactionSeconds: rows[0].oldest_writer,
  };
}

/** A consumer of the log: where it stands and whose events it takes. */
export interface LogConsumerPlace {
  name: string;
  /** Its checkpoint; null before its first event. */
  after: string | null;
  streamPrefixes: readonly string[];
}

/**
 * The newest events of the log `countEventsBehind` looks at: one read of
 * them serves every consumer, and a consumer's checkpoint, which moves
 * only on events of its own streams, may lie any number of other events
 * back, too many to read each scrape.
 */
export const EVENTS_BEHIND_WINDOW = 10_000;

// Each stream among the newest events is matched to the consumers'
// prefixes once, then its events counted past each one's checkpoint.
const EVENTS_BEHIND = `
  WITH newest AS MATERIALIZED (
    SELECT tx_id, position, stream_name FROM events
     ORDER BY tx_id DESC, position DESC
     LIMIT $2
  ), consumers AS MATERIALIZED (
    SELECT c.name, c.tx::xid8 AS tx, c.pos::bigint AS pos, p.prefix
      FROM jsonb_to_recordset($1::jsonb)
             AS c(name text, tx text, pos text, prefixes jsonb)
      LEFT JOIN LATERAL jsonb_array_elements_text(c.prefixes) AS p(prefix)
        ON true
  ), matched AS (
    SELECT c.name, c.tx, c.pos, s.stream_name
      FROM consumers c
      JOIN (SELECT DISTINCT stream_name FROM newest) s
        ON starts_with(s.stream_name, c.prefix)
  )
  SELECT c.name, (
    SELECT count(*)::integer
      FROM matched m
      JOIN newest n ON n.stream_name = m.stream_name
       AND (n.tx_id, n.position) > (m.tx, m.pos)
     WHERE m.name = c.name) AS behind
  FROM (SELECT DISTINCT name FROM consumers) c`;

/**
 * For each consumer, the events of its streams in the log past its
 * checkpoint, committed but not yet taken: 0 for one that is up to date.
 * Only the newest `window` events of the log are looked at, so the count
 * stops growing at `window` (and a consumer of rare streams, stopped,
 * shows fewer than it has to take: its checkpoint's age says that).
 * A consumer whose checkpoint is no place in this log (hand-edited, or
 * another store's) is left out of the answer, not the others with it.
 * Run it with `jit` off: the planner's guesses of the JSON input's rows
 * are far over, and compiling the plan would take longer than running it.
 */
export async function countEventsBehind(
  db: Pool | PoolClient,
  consumers: readonly LogConsumerPlace[],
  window = EVENTS_BEHIND_WINDOW,
): Promise<Map<string, number>> {
  const places = consumers.flatMap(({ name, after, streamPrefixes }) => {
    const cursor = cursorOf(after);
    if (!cursor) return [];
    return [
      {
        name,
        tx: String(cursor.txId),
        pos: String(cursor.position),
        prefixes: outermost(streamPrefixes),
      },
    ];
  });
  if (places.length === 0) return new Map();
  const { rows } = await db.query<{ name: string; behind: number }>(
    EVENTS_BEHIND,
    [JSON.stringify(places), window],
  );
  return new Map(rows.map((row) => [row.name, row.behind]));
}

function cursorOf(after: string | null): LogCursor | undefined {
  try {
    return decodePosition(after ?? undefined);
  } catch (error) {
    if (error instanceof InvalidPositionError) return undefined;
    throw error;
  }
}

/**
 * The prefixes without those another one already covers (`a-b-` under
 * `a-`), so that no event is counted twice for one consumer.
 */
function outermost(prefixes: readonly string[]): string[] {
  const unique = [...new Set(prefixes)];
  return unique.filter(
    (prefix) =>
      !unique.some((other) => other !== prefix && prefix.startsWith(other)),
  );
}
