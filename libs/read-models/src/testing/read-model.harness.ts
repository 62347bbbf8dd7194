import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import type { Pool } from 'pg';
import type { Projection } from '../projection';
import { loadCheckpoint } from '../projector/checkpoint-store';
import type { ScenarioAppend } from './station-fault-scenario.fixture';

/**
 * Appends each command's events with the stream's expected revision;
 * pass the same `revisions` to append a scenario in several parts.
 */
export async function appendAll(
  store: EventStore,
  appends: readonly ScenarioAppend[],
  revisions = new Map<string, number>(),
): Promise<void> {
  for (const { streamName, events } of appends) {
    const result = await store.appendToStream(streamName, events, {
      expectedRevision: revisions.get(streamName) ?? 'no-stream',
    });
    revisions.set(streamName, result.nextExpectedRevision);
  }
}

/** Applies each event in a transaction of its own, as a live runner does. */
export async function applyAll(
  pool: Pool,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await projection.apply(client, [event]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Polls until `check` holds; fails with `what` if it never does. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Until the projection's stored checkpoint is the given position. */
export function waitForCheckpoint(
  pool: Pool,
  name: string,
  position: string,
): Promise<void> {
  return waitUntil(`${name} at ${position}`, async () => {
    const checkpoint = await loadCheckpoint(pool, name);
    return checkpoint.position === position;
  });
}

/**
 * The events a station-fault projection sees, in delivery order, once all
 * `expected` of them are readable: the log only shows a commit when every
 * older transaction in the database has ended, so a read right after an
 * append may still miss it.
 */
export async function stationFaultLog(
  store: EventStore,
  expected: number,
): Promise<RecordedEvent[]> {
  let log: RecordedEvent[] = [];
  await waitUntil(`${expected} station-fault events readable`, async () => {
    log = await store.readAll({
      filter: { streamPrefixes: ['station-fault-'] },
    });
    return log.length >= expected;
  });
  return log;
}

/** How many events the appends hold. */
export function eventCount(appends: readonly ScenarioAppend[]): number {
  return appends.reduce((n, append) => n + append.events.length, 0);
}

/**
 * Every row of the projection's tables, by position in `tables` rather
 * than by name, so tables under different suffixes compare equal.
 */
export async function snapshot(
  pool: Pool,
  projection: Projection,
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const table of projection.tables) {
    const result = await pool.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
    out.push(JSON.parse(JSON.stringify(result.rows)) as unknown[]);
  }
  return out;
}

/**
 * Wraps a projection; `before` may throw or wait before each event of a
 * page, and runs for all of them before the page is applied.
 */
export function instrumented(
  projection: Projection,
  before: (event: RecordedEvent) => Promise<void> | void,
): Projection {
  return {
    ...projection,
    async apply(client, events) {
      for (const event of events) await before(event);
      await projection.apply(client, events);
    },
  };
}
