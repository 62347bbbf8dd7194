import { inTransaction } from '@opsdesk/platform';
import type { EventStore, GlobalPosition } from '@opsdesk/event-store';
import { loadCheckpoint } from '@opsdesk/read-models';
import type { Pool, PoolClient } from 'pg';
import { applyBatch } from './apply-batch';
import { eraseSinceStart } from './erasures-during-rebuild';
import type { RebuildPlan } from './rebuild-plan';

export interface SwapResult {
  /** Events applied inside the swap, to catch up with the log's head. */
  caughtUp: number;
  position: GlobalPosition | null;
  /** How many tries it took to get the tables from their readers. */
  attempts: number;
}

/** What a swap needs besides the plan: see step 2 below. */
export interface SwapSettings {
  pageSize: number;
  erasedBefore: ReadonlySet<string>;
  passEnd: GlobalPosition | null;
}

/** How long the swap waits for a reader before it gives way and retries. */
const LOCK_TIMEOUT = '5s';
const ATTEMPTS = 6;
/**
 * A reader held a table too long, or the swap ended as a deadlock victim
 * (with an erasure and the live runner's shared page, for one): either
 * way it rolled back whole and may simply try again.
 */
const RETRIED = new Set(['55P03', '40P01']);

/**
 * Puts the staging tables in the live ones' place in ONE transaction:
 *
 * 1. Lock the live checkpoint row. The projection runner moves that row
 *    first in every batch it commits (`advanceCheckpoint`), so a batch in
 *    flight finishes before this goes on, and the next one waits here.
 * 2. Apply, into the staging tables, what the log gained since they were
 *    built, so they are at least as far as the live ones, and scrub from
 *    them the personal data of subjects erased meanwhile (an erasure
 *    scrubs only the live tables). The log is read on from the end of the
 *    pass that built them (`passEnd`), not from the staging checkpoint:
 *    the pass has shown the projection every event of its own up to
 *    there, and a projection with no events yet would otherwise read the
 *    whole log again to find nothing. The checkpoint itself stays where
 *    its last event put it, the position a live runner that kept up holds
 *    too, so the runner goes on undisturbed unless the swap applied more.
 * 3. Rename live → backup and staging → live (with their indexes), and
 *    re-create the projection's views on the new tables.
 * 4. Give the live checkpoint the staging position and events count.
 *
 * Readers see the old tables until the commit and the new ones after;
 * a query waiting on the swap resolves the name again once it gets the
 * lock, so it reads the new table. The runner then goes on from the
 * checkpoint: the same position it holds, or, if it differs, it notices
 * (its compare-and-set fails) and resumes from the stored one.
 * A reader that holds a table longer than LOCK_TIMEOUT makes the swap
 * roll back and try again, rather than stall every reader behind it; so
 * does a deadlock.
 */
export async function swapIn(
  resources: { pool: Pool; store: EventStore },
  plan: RebuildPlan,
  settings: SwapSettings,
): Promise<SwapResult> {
  await loadCheckpoint(resources.pool, plan.live.name);
  for (let attempt = 1; ; attempt++) {
    try {
      const done = await inTransaction(resources.pool, (client) =>
        swapOnce(client, resources.store, plan, settings),
      );
      return { ...done, attempts: attempt };
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!RETRIED.has(code) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function swapOnce(
  client: PoolClient,
  store: EventStore,
  plan: RebuildPlan,
  { pageSize, erasedBefore, passEnd }: SwapSettings,
) {
  const { live, staging } = plan;
  await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
  await client.query(
    'SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
    [live.name],
  );

  const { rows } = await client.query<{ position: string | null }>(
    'SELECT position FROM projection_checkpoints WHERE name = $1',
    [staging.name],
  );
  let position = rows[0]?.position ?? null;
  // Never behind `position`: the pass wrote the staging checkpoint.
  let readAfter = passEnd ?? position;
  let caughtUp = 0;
  for (;;) {
    const page = await store.readAll({
      after: readAfter ?? undefined,
      maxCount: pageSize,
      filter: { streamPrefixes: staging.streamPrefixes },
    });
    if (page.length === 0) break;
    position = await applyBatch(client, staging, position, page);
    readAfter = position;
    caughtUp += page.length;
    if (page.length < pageSize) break;
  }
  await eraseSinceStart(client, staging, erasedBefore);

  for (const [i, table] of live.tables.entries()) {
    await renameTable(client, table, plan.backupTables[i]);
  }
  for (const [i, table] of staging.tables.entries()) {
    await renameTable(client, table, live.tables[i]);
  }
  if (live.views) await client.query(live.views);

  await client.query(
    `UPDATE projection_checkpoints AS live
        SET position = staged.position,
            events_applied = staged.events_applied,
            updated_at = now()
       FROM projection_checkpoints AS staged
      WHERE live.name = $1 AND staged.name = $2`,
    [live.name, staging.name],
  );
  await client.query('DELETE FROM projection_checkpoints WHERE name = $1', [
    staging.name,
  ]);
  return { caughtUp, position };
}

/**
 * Renames a table and the indexes and sequences named after it, so the
 * next rebuild can create its staging tables under the same names again.
 */
async function renameTable(client: PoolClient, from: string, to: string) {
  const { rows } = await client.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind::text AS kind
       FROM pg_class c
      WHERE c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = $1::regclass)
         OR c.oid IN (SELECT objid FROM pg_depend
                       WHERE refobjid = $1::regclass AND deptype IN ('a', 'i')
                         AND classid = 'pg_class'::regclass)`,
    [from],
  );
  await client.query(`ALTER TABLE ${from} RENAME TO ${to}`);
  for (const { name, kind } of rows) {
    if (!name.startsWith(`${from}_`)) continue;
    const renamed = `${to}${name.slice(from.length)}`;
    const what = kind === 'S' ? 'SEQUENCE' : 'INDEX';
    await client.query(
      `ALTER ${what} ${quoted(name)} RENAME TO ${quoted(renamed)}`,
    );
  }
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
