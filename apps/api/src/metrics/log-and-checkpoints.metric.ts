import { readLogFigures, type LogFigures } from '@opsdesk/event-store';
import { inTransaction } from '@opsdesk/platform';
import { STAGING_SUFFIX } from '@opsdesk/read-models';
import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import { COLLECT_BOUND_MS, type MetricSources } from './metric-sources';

interface CheckpointRow {
  kind: 'projection' | 'follower';
  name: string;
  applied: number | null;
  age: number;
}

/**
 * Every consumer's checkpoint: the read models' (not a rebuild's staging
 * ones) and the followers' that enqueue work (process manager, timers).
 */
const CHECKPOINTS = `
  SELECT 'projection' AS kind, name, events_applied::float8 AS applied,
         extract(epoch FROM now() - updated_at)::float8 AS age
    FROM projection_checkpoints
   WHERE right(name, ${STAGING_SUFFIX.length}) <> '${STAGING_SUFFIX}'
  UNION ALL
  SELECT 'follower', name, NULL, extract(epoch FROM now() - updated_at)::float8
    FROM process_manager_checkpoints
  UNION ALL
  SELECT 'follower', name, NULL, extract(epoch FROM now() - updated_at)::float8
    FROM follower_checkpoints`;

interface Figures {
  checkpoints: CheckpointRow[];
  /** Null where the log is not in PostgreSQL. */
  log: LogFigures | null;
}

/**
 * How far the log's consumers have come, read from PostgreSQL once a
 * scrape for every family below:
 *
 * - `opsdesk_projection_events_applied{projection}` and
 *   `opsdesk_projection_checkpoint_age_seconds{projection}`: a read model's
 *   events so far and the seconds since its checkpoint last moved;
 * - `opsdesk_follower_checkpoint_age_seconds{follower}`: the same for the
 *   process manager and the timers;
 * - `opsdesk_log_newest_event_age_seconds` and
 *   `opsdesk_log_oldest_write_transaction_seconds` (LogFigures).
 *
 * A checkpoint only moves when its consumer takes an event of its own
 * streams, so an idle one ages as the log does: a consumer is behind when
 * its age is well above the newest event's on a log that keeps getting
 * its kind of events.
 * TODO(#2): no count of events a consumer has still to take; that needs
 * a cheap way to find a consumer's next event past its checkpoint.
 */
export function logAndCheckpointMetrics(
  registry: Registry,
  pool: Pool,
  options: { logInPostgres: boolean },
  sources: MetricSources,
): void {
  // Every family's collect runs in the same scrape: they share one read.
  const figures = () =>
    sources.read('postgres', () => readFigures(pool, options.logInPostgres));

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
        g.set({ projection: row.name }, row.age);
      }
    },
  );
  gauge(
    'opsdesk_follower_checkpoint_age_seconds',
    'Seconds since the checkpoint of the process manager or a timer last moved',
    ['follower'],
    (g, read) => {
      for (const row of read.checkpoints) {
        if (row.kind === 'follower') g.set({ follower: row.name }, row.age);
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
  logInPostgres: boolean,
): Promise<Figures> {
  return inTransaction(pool, async (client) => {
    await client.query(`SET LOCAL statement_timeout = ${COLLECT_BOUND_MS}`);
    const { rows: checkpoints } =
      await client.query<CheckpointRow>(CHECKPOINTS);
    const log = logInPostgres ? await readLogFigures(client) : null;
    return { checkpoints, log };
  });
}
