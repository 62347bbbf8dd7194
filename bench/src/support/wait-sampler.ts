import { Client } from 'pg';
import { sleep } from './time';

/** Sessions of this database in each wait state, on average over a window. */
export type WaitProfile = Record<string, number>;

/**
 * Samples what the database's other sessions are waiting on, every
 * 20 ms: `Lock:object` is the lock PostgreSQL takes on the database for a
 * committing transaction that notifies, `IO:WALSync` a commit's flush,
 * `running` a session on (or queued for) the CPU.
 */
export function sampleWaits(url: string) {
  const client = new Client({ connectionString: url });
  const totals = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ state: string; n: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'running')
                  AS state, count(*)::int AS n
           FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active'
            AND backend_type = 'client backend'
            AND pid <> pg_backend_pid()
          GROUP BY 1`,
      );
      samples += 1;
      for (const row of rows) {
        totals.set(row.state, (totals.get(row.state) ?? 0) + row.n);
      }
      await sleep(20);
    }
    await client.end();
  })();
  return {
    async stop(): Promise<WaitProfile> {
      stopped = true;
      await loop.catch(() => undefined);
      const out: WaitProfile = {};
      for (const [state, n] of [...totals].sort((a, b) => b[1] - a[1])) {
        out[state] = Math.round((n / Math.max(1, samples)) * 100) / 100;
      }
      return out;
    },
  };
}
