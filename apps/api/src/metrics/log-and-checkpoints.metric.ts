import {
  countEventsBehind,
  EVENTS_BEHIND_WINDOW,
  readLogFigures,
  type LogFigures,
} from '@opsdesk/event-store';
import { inTransaction } from '@opsdesk/platform';
import { STAGING_SUFFIX } from '@opsdesk/read-models';
import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import { COLLECT_BOUND_MS, type MetricSources } from './metric-sources';

interface CheckpointRow {
  kind: 'projection' | 'follower';
  name: string;
  position: string | null;
  applied: number | null;
  age: number | null;
}

/** A read model by the streams it takes (Projection's own fields). */
export interface ProjectedStreams {
  name: string;
  streamPrefixes: readonly string[];
}

/**
 * Seconds since a checkpoint moved; null for a time no clock gives (a
 * hand-edited `infinity`), which would fail the whole read.
 */
const AGE = `CASE WHEN isfinite(updated_at)
    THEN extract(epoch FROM now() - updated_at)::float8 END`;

/**
 * Every consumer's checkpoint: the read models' (not a rebuild's staging
 * ones) and the followers' that enqueue work (process manager, timers).
 */
const CHECKPOINTS = `
  SELECT 'projection' AS kind, name, position,
         events_applied::float8 AS applied, ${AGE} AS age
    FROM projection_checkpoints
   WHERE right(name, ${STAGING_SUFFIX.length}) <> '${STAGING_SUFFIX}'
  UNION ALL
  SELECT 'follower', name, position, NULL, ${AGE}
    FROM process_manager_checkpoints
  UNION ALL
  SELECT 'follower', name, position, NULL, ${AGE}
    FROM follower_checkpoints`;

interface Figures {
  checkpoints: CheckpointRow[];
  /** Null where the log is not in PostgreSQL. */
  log: LogFigures | null;
  /** Each read model's events still to take; empty without the log. */
  behind: Map<string, number>;
}

/**
 * How far the log's consumers have come, read from PostgreSQL once a
 * scrape for every family below:
 *
 * - `opsdesk_projection_events_applied{projection}` and
 *   `opsdesk_projection_checkpoint_age_seconds{projection}`: a read model's
 *   events so far and the seconds since its checkpoint last moved;
 * - `opsdesk_projection_events_behind{projection}`: the events of its
 *   streams in the log past its checkpoint, among the newest
 *   EVENTS_BEHIND_WINDOW events (countEventsBehind), with the PostgreSQL
 *   log only;
 * - `opsdesk_follower_checkpoint_age_seconds{follower}`: the same for the
 *   process manager and the timers;
 * - `opsdesk_log_newest_event_age_seconds` and
 *   `opsdesk_log_oldest_write_transaction_seconds` (LogFigures).
 *
 * A checkpoint only moves when its consumer takes an event of its own
 * streams, so an idle one ages as the log does: a consumer is behind when
 * its age is well above the newest event's on a log that keeps getting
 * its kind of events, or when it has events behind.
 * TODO(#2): no count behind for the process manager and the timers,
 * whose filters are not a list of stream prefixes.
 */
export function logAndCheckpointMetrics(
  registry: Registry,
  pool: Pool,
  options: { logInPostgres: boolean; projections: readonly ProjectedStreams[] },
  sources: MetricSources,
): void {
  // Every family's collect runs in the same scrape: they share one read.
  const figures = () =>
    sources.read('postgres', () => readFigures(pool, options));

  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    fill: (gauge: Gauge, read: Figures) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const read = await figures();
        this.reset();
        if (read) fill(this, read);
      },
    });

  gauge(
    'opsdesk_projection_events_applied',
    'Events a read model has taken from the log, replays included',
    ['projection'],
    (g, read) => {
      for (const row of projections(read)) {
        g.set({ projection: row.name }, row.applied ?? 0);
      }
    },
  );
  gauge(
    'opsdesk_projection_checkpoint_age_seconds',
    'Seconds since a read model’s checkpoint last moved',
    ['projection'],
    (g, read) => {
      for (const row of projections(read)) {
        if (row.age !== null) g.set({ projection: row.name }, row.age);
      }
    },
  );
  gauge(
    'opsdesk_projection_events_behind',
    `Events of a read model’s streams past its checkpoint, among the newest ${EVENTS_BEHIND_WINDOW} of the log`,
    ['projection'],
    (g, read) => {
      for (const [projection, behind] of read.behind) {
        g.set({ projection }, behind);
      }
    },
  );
  gauge(
    'opsdesk_follower_checkpoint_age_seconds',
    'Seconds since the checkpoint of the process manager or a timer last moved',
    ['follower'],
    (g, read) => {
      for (const row of read.checkpoints) {
        if (row.kind === 'follower' && row.age !== null) {
          g.set({ follower: row.name }, row.age);
        }
      }
    },
  );
  gauge(
    'opsdesk_log_newest_event_age_seconds',
    'Seconds since the newest event of the log was recorded',
    [],
    (g, read) => {
      const age = read.log?.newestEventAgeSeconds;
      if (age !== null && age !== undefined) g.set(age);
    },
  );
  gauge(
    'opsdesk_log_oldest_write_transaction_seconds',
    'Seconds since the server’s oldest open writing transaction began; log readers wait for it',
    [],
    (g, read) => {
      if (read.log) g.set(read.log.oldestWriteTransactionSeconds);
    },
  );
}

function projections(read: Figures): CheckpointRow[] {
  return read.checkpoints.filter((row) => row.kind === 'projection');
}

/**
 * One connection, and the server gives up on its own after the scrape's
 * bound: a read stuck behind a lock would otherwise hold its connection
 * until the lock goes.
 */
async function readFigures(
  pool: Pool,
  options: { logInPostgres: boolean; projections: readonly ProjectedStreams[] },
): Promise<Figures> {
  return inTransaction(pool, async (client) => {
    await client.query(
      `SET LOCAL statement_timeout = ${COLLECT_BOUND_MS}; SET LOCAL jit = off`,
    );
    const { rows: checkpoints } =
      await client.query<CheckpointRow>(CHECKPOINTS);
    if (!options.logInPostgres) {
      return { checkpoints, log: null, behind: new Map() };
    }
    const log = await readLogFigures(client);
    const behind = await countEventsBehind(
      client,
      placesOf(checkpoints, options.projections),
    );
    return { checkpoints, log, behind };
  });
}

/**
 * Every live read model's place, from its checkpoint row (none yet: from
 * the log's start). A checkpoint no live read model owns (a retired one)
 * is left out.
 */
function placesOf(
  checkpoints: readonly CheckpointRow[],
  projections: readonly ProjectedStreams[],
) {
  const positions = new Map(
    checkpoints
      .filter((row) => row.kind === 'projection')
      .map((row) => [row.name, row.position]),
  );
  return projections.map(({ name, streamPrefixes }) => ({
    name,
    after: positions.get(name) ?? null,
    streamPrefixes,
  }));
}
