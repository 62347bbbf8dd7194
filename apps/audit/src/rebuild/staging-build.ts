import type { EventStore, GlobalPosition } from '@opsdesk/event-store';
import { loadCheckpoint } from '@opsdesk/read-models';
import type { Pool } from 'pg';
import { logPages } from '../log/log-pages';
import type { ProgressReporter } from '../progress/progress-reporter';
import { applyBatch } from './apply-batch';
import { inTransaction } from './in-transaction';
import type { RebuildPlan } from './rebuild-plan';

export interface StagingBuilt {
  position: GlobalPosition | null;
  events: number;
}

/**
 * Fills the staging tables from the start of the log, one transaction per
 * page, with the staging checkpoint moved in each. Readers and the live
 * runner never look at these tables, so nothing waits on this.
 */
export async function buildStaging(
  resources: { pool: Pool; store: EventStore },
  plan: RebuildPlan,
  pageSize: number,
  progress: ProgressReporter,
): Promise<StagingBuilt> {
  const { pool, store } = resources;
  const { staging } = plan;
  let position = (await loadCheckpoint(pool, staging.name)).position;
  let events = 0;
  const filter = { streamPrefixes: staging.streamPrefixes };
  for await (const page of logPages(store, { filter, pageSize })) {
    position = await inTransaction(pool, async (client) => {
      // Staging rows lost in a crash are rebuilt anyway: no need to wait
      // for each page to reach the disk. The swap commits durably.
      await client.query('SET LOCAL synchronous_commit = off');
      return applyBatch(client, staging, position, page);
    });
    events += page.length;
    progress.advance(page.length);
  }
  return { position, events };
}
