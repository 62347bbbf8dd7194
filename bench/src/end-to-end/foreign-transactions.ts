import type { BenchSchema } from '../support/bench-database';
import { sleep } from '../support/time';

/**
 * A reader here waits for every older write transaction on the server to
 * end (see libs/event-store/src/postgres/log-queries.ts), whichever database it is in; on a shared server,
 * other people's long transactions show up as lag. This records them.
 */
export function sampleForeignTransactions(schema: BenchSchema) {
  let longest = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await schema.pool.query<{ ms: number | null }>(
        `SELECT max(extract(epoch FROM clock_timestamp() - xact_start)) * 1000
                  AS ms
           FROM pg_stat_activity
          WHERE backend_xid IS NOT NULL
            AND datname IS DISTINCT FROM current_database()`,
      );
      longest = Math.max(longest, Number(rows[0].ms ?? 0));
      await sleep(250);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop.catch(() => undefined);
      return Math.round(longest);
    },
  };
}
