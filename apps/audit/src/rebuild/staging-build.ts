import type { EventStore, GlobalPosition } from '@opsdesk/event-store';
import { loadCheckpoint } from '@opsdesk/read-models';
import type { Pool } from 'pg';
import { logPages } from '../log/log-pages';
import { readAhead } from '../log/read-ahead';
import type { ProgressReporter } from '../progress/progress-reporter';
import { applyBatch } from './apply-batch';
import { inTransaction } from './in-transaction';
import type { RebuildPlan } from './rebuild-plan';

export interface StagingBuilt {
  position: GlobalPosition | null;
  events: number;
}

/**
 * Fills every plan's staging tables from the start of the log in one
 * pass: each page is read once and applied to every projection that
 * follows its streams, one transaction per page, with each staging
 * checkpoint moved in it. The next page is read, on a connection of its
 * own, while the current one is applied and committed, so the server's
 * work on the read overlaps the transaction (decoding its rows still
 * takes this thread's time). Readers and the live runners never look at
 * these tables, so nothing waits on this. Staging tables are always new
 * (see dropLeftovers), so every plan starts at the beginning of the log.
 */
export async function buildStaging(
  resources: { pool: Pool; store: EventStore },
  plans: readonly RebuildPlan[],
  pageSize: number,
  progress: ProgressReporter,
): Promise<StagingBuilt[]> {
  const { pool, store } = resources;
  const built: StagingBuilt[] = [];
  for (const plan of plans) {
    // Makes the staging checkpoint's row, at the start of the log.
    const checkpoint = await loadCheckpoint(pool, plan.staging.name);
    built.push({ position: checkpoint.position, events: 0 });
  }
  const prefixes = [...new Set(plans.flatMap((p) => p.staging.streamPrefixes))];
  const pages = logPages(store, {
    filter: { streamPrefixes: prefixes },
    pageSize,
  });
  for await (const page of readAhead(pages)) {
    await inTransaction(pool, async (client) => {
      // Staging rows lost in a crash are rebuilt anyway: no need to wait
      // for each page to reach the disk. The swap commits durably.
      await client.query('SET LOCAL synchronous_commit = off');
      for (const [index, plan] of plans.entries()) {
        const followed = plan.staging.streamPrefixes;
        const events = page.filter((event) =>
          followed.some((prefix) => event.streamName.startsWith(prefix)),
        );
        if (events.length === 0) continue;
        const state = built[index];
        state.position = await applyBatch(
          client,
          plan.staging,
          state.position,
          events,
        );
        state.events += events.length;
      }
    });
    progress.advance(page.length);
  }
  return built;
}
