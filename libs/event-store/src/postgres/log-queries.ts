import { prepared } from '@opsdesk/platform';
import { EVENT_COLUMNS } from './event-row';

// The reads below are prepared (parsed and planned once per connection):
// every ticket action reads its stream, and every projection a page.

// Only transactions below the snapshot's xmin have ended, so no row can
// still appear before the cursor: that is what makes late commits safe.
// The price: any long transaction on the server holds every reader back
// (the log tail reads past the read models' own pages: READ_TAIL_PAGE).
// `/metrics` reports the oldest open write transaction's age (log-figures.ts),
// so a stuck transaction is seen, not just felt.
const GATE = 'tx_id < pg_snapshot_xmin(pg_current_snapshot())';

/** Where a reader starting now may begin: nothing before it is still open. */
export const READ_GATE =
  'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS gate';

const AFTER_CURSOR = '(tx_id, position) > ($1::xid8, $2::bigint)';

const PREFIX_FILTER = `($3::text[] IS NULL OR EXISTS (
    SELECT 1 FROM unnest($3::text[]) AS p(prefix)
    WHERE starts_with(stream_name, p.prefix)))`;

/** $1 tx id, $2 position (exclusive cursor), $3 prefixes or null, $4 limit. */
export const READ_ALL = prepared(`
  SELECT ${EVENT_COLUMNS}
  FROM events
  WHERE ${GATE} AND ${AFTER_CURSOR} AND ${PREFIX_FILTER}
  ORDER BY events.tx_id, events.position
  LIMIT $4`);

/**
 * A page after the cursor below `gate` (a query of one row, `gate`), the
 * gate itself on every row (one row of nulls when nothing matched), so a
 * filtered reader can move its cursor past rows it has scanned without a
 * match.
 */
function pageBelowGate(gate: string): string {
  return `
  SELECT g.gate::text AS gate, page.*
  FROM (${gate}) g
  LEFT JOIN LATERAL (
    SELECT ${EVENT_COLUMNS}, events.tx_id AS sort_tx, events.position AS sort_position
    FROM events
    WHERE tx_id < g.gate AND ${AFTER_CURSOR} AND ${PREFIX_FILTER}
    ORDER BY events.tx_id, events.position
    LIMIT $4) page ON true
  ORDER BY page.sort_tx, page.sort_position`;
}

/** As READ_ALL, a page below the gate and the gate itself. */
export const READ_PAGE = prepared(
  pageBelowGate('SELECT pg_snapshot_xmin(pg_current_snapshot()) AS gate'),
);

/**
 * As READ_PAGE, with $5 the ids of open transactions known to append
 * nothing (NonAppendingTransactions): the gate is the oldest open
 * transaction that is not one of them, or the snapshot's xmax when there
 * is none. Every transaction older than that has ended, or appends
 * nothing, so again no row can still appear before the cursor.
 */
export const READ_TAIL_PAGE = prepared(
  pageBelowGate(`
    SELECT coalesce(
      (SELECT min(open.id) FROM pg_snapshot_xip(s.snapshot) AS open(id)
        WHERE open.id <> ALL($5::xid8[])),
      pg_snapshot_xmax(s.snapshot)) AS gate
    FROM (SELECT pg_current_snapshot() AS snapshot) s`),
);

const STREAM_WHERE = `stream_name = $1
    AND ($3::timestamptz IS NULL OR recorded_at <= $3)`;

/** $1 stream, $2 from revision or null, $3 until or null, $4 limit. */
export const READ_STREAM_FORWARDS = prepared(`
  SELECT ${EVENT_COLUMNS}
  FROM events
  WHERE ${STREAM_WHERE} AND ($2::bigint IS NULL OR revision >= $2)
  ORDER BY events.revision ASC
  LIMIT $4`);

export const READ_STREAM_BACKWARDS = prepared(`
  SELECT ${EVENT_COLUMNS}
  FROM events
  WHERE ${STREAM_WHERE} AND ($2::bigint IS NULL OR revision <= $2)
  ORDER BY events.revision DESC
  LIMIT $4`);

export const READ_HEAD = prepared(
  'SELECT revision::text AS revision, last_hash FROM streams WHERE stream_name = $1',
);
