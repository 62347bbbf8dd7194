import { inTransaction } from '@opsdesk/platform';
import type {
  EventStore,
  GlobalPosition,
  RecordedEvent,
} from '@opsdesk/event-store';
import { advanceCheckpoint, loadCheckpoint } from '@opsdesk/read-models';
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
  let passEnd: GlobalPosition | null = null;
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
    passEnd = page[page.length - 1].position;
  }
  if (passEnd) await moveToPassEnd(pool, plans, built, passEnd);
  return built;
}

/**
 * The pass has read every followed stream up to its last event, so each
 * plan has seen all of its own events up to there too, even one that had
 * none on the last pages (or none at all: a process nobody has used yet).
 * Its staging checkpoint moves there; otherwise its swap would read the
 * log again from that plan's own last event, and for a plan with no
 * events that is a scan of the whole log that finds nothing.
 */
async function moveToPassEnd(
  pool: Pool,
  plans: readonly RebuildPlan[],
  built: StagingBuilt[],
  passEnd: GlobalPosition,
): Promise<void> {
  for (const [index, plan] of plans.entries()) {
    const from = built[index].position;
    if (from === passEnd) continue;
    await inTransaction(pool, (client) =>
      advanceCheckpoint(client, plan.staging.name, from, passEnd, 0),
    );
    built[index].position = passEnd;
  }
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
