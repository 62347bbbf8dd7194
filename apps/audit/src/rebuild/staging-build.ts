import { inTransaction } from '@opsdesk/platform';
import type {
  EventStore,
  GlobalPosition,
  RecordedEvent,
} from '@opsdesk/event-store';
import { loadCheckpoint } from '@opsdesk/read-models';
import type { Pool } from 'pg';
import { logPages } from '../log/log-pages';
import { readAhead } from '../log/read-ahead';
import type { ProgressReporter } from '../progress/progress-reporter';
import { applyBatch } from './apply-batch';
import type { RebuildPlan } from './rebuild-plan';

export interface StagingBuilt {
  position: GlobalPosition | null;
  events: number;
}

export interface StagingPass {
  /** Each plan's share of the pass, in the plans' order. */
  plans: StagingBuilt[];
  /**
   * The pass's last event: every plan has seen all of its own events up
   * to there, also one whose own last event is earlier (or that had none).
   * Null when the log held nothing the plans follow.
   */
  end: GlobalPosition | null;
}

/**
 * Fills every plan's staging tables from the start of the log in one
 * pass: each page is read once, and each projection that follows its
 * streams applies its share in a transaction of its own, with its staging
 * checkpoint moved in it. The shares run side by side: every projection
 * writes tables of its own, and while the server writes one projection's
 * rows this thread folds another's (one after another, each waited for
 * the other). The next page is read, on a connection of its own, while
 * the current one is applied and committed. Readers and the live runners
 * never look at these tables, so nothing waits on this. Staging tables
 * are always new (see dropLeftovers), so every plan starts at the
 * beginning of the log.
 */
export async function buildStaging(
  resources: { pool: Pool; store: EventStore },
  plans: readonly RebuildPlan[],
  pageSize: number,
  progress: ProgressReporter,
): Promise<StagingPass> {
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
  let end: GlobalPosition | null = null;
  for await (const page of readAhead(pages)) {
    const shares = plans.map((plan, index) =>
      applyShare(pool, plan, built[index], page),
    );
    // Every share settles before the next page or an error leaves here,
    // so no transaction outlives the rebuild.
    const failed = (await Promise.allSettled(shares)).find(
      (outcome) => outcome.status === 'rejected',
    );
    if (failed) throw failed.reason;
    progress.advance(page.length);
    end = page[page.length - 1].position;
  }
  return { plans: built, end };
}

/** One projection's events of the page, applied in a transaction. */
async function applyShare(
  pool: Pool,
  plan: RebuildPlan,
  state: StagingBuilt,
  page: readonly RecordedEvent[],
): Promise<void> {
  const followed = plan.staging.streamPrefixes;
  const events = page.filter((event) =>
    followed.some((prefix) => event.streamName.startsWith(prefix)),
  );
  if (events.length === 0) return;
  state.position = await inTransaction(pool, async (client) => {
    // Staging rows lost in a crash are rebuilt anyway: no need to wait
    // for each page to reach the disk. The swap commits durably.
    await client.query('SET LOCAL synchronous_commit = off');
    return applyBatch(client, plan.staging, state.position, events);
  });
  state.events += events.length;
}
