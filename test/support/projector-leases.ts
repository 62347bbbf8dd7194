import type { ChildProcess } from 'node:child_process';
import type { EventStore, NewEvent } from '@opsdesk/event-store';
import {
  createLogger,
  deterministicUuid,
  loadConfig,
  runMigrations,
} from '@opsdesk/platform';
import {
  loadCheckpoint,
  projectionMigrations,
  ProjectionRunner,
  type Projection,
} from '@opsdesk/read-models';
import {
  closeResources,
  FOLLOWER_LEASES,
  liveProjections,
  openResources,
  type OpsdeskResources,
} from '@opsdesk/runtime';
import type { Pool } from 'pg';
import {
  interleavedAppends,
  stationFaultScenario,
  type ScenarioAppend,
} from '../../libs/read-models/src/testing/station-fault-scenario.fixture';
import { snapshot } from '../../libs/read-models/src/testing/read-model.harness';
import { exited, startApp } from './child-process';
import { createTestSchema } from './database';
import { TEST_REDIS_URL, testQueuePrefix } from './redis';
import { deleteKeys } from './system';

/** A fresh schema and queue prefix for projector processes to share. */
export interface ProjectorBed {
  resources: OpsdeskResources;
  /** The lease lifetime the projectors run with. */
  leaseTtlMs: number;
  /** Starts a built projector; its info-level log is in `output()`. */
  startProjector(
    env?: Record<string, string>,
  ): ChildProcess & { output: () => string };
  /** Kills what is still running and drops the schema and the keys. */
  close(): Promise<void>;
}

export async function projectorBed(
  label: string,
  leaseTtlMs = 1500,
): Promise<ProjectorBed> {
  const schema = await createTestSchema(label);
  const prefix = testQueuePrefix(label);
  const env = {
    DATABASE_URL: schema.url,
    DATABASE_SCHEMA: schema.schema,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'info',
    LEASE_POLL_MS: '200',
    LEASE_TTL_MS: String(leaseTtlMs),
  };
  const resources = await openResources(
    loadConfig({ ...process.env, ...env }),
    createLogger(`${label}-test`, 'silent'),
  );
  const children: ChildProcess[] = [];
  return {
    resources,
    leaseTtlMs,
    startProjector(extra = {}) {
      const child = startApp('projector', { ...env, ...extra });
      children.push(child);
      return child;
    },
    async close() {
      for (const child of children) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        child.kill('SIGKILL');
      }
      await Promise.all(children.map((child) => exited(child)));
      await closeResources(resources);
      await deleteKeys(prefix);
      await schema.drop();
    },
  };
}

/** Every lease a projector process takes, by name. */
export function projectorLeaseNames(projections: readonly Projection[]) {
  return [
    ...Object.values(FOLLOWER_LEASES),
    ...projections.map((p) => `projection:${p.name}`),
  ];
}

export interface LeaseRow {
  name: string;
  holder: string;
  fencing_token: string;
}

export async function leaseRows(pool: Pool): Promise<LeaseRow[]> {
  const { rows } = await pool.query<LeaseRow>(
    `SELECT name, holder, fencing_token FROM consumer_leases ORDER BY name`,
  );
  return rows;
}

/** Whether the process `pid` holds every one of `names`. */
export async function holdsAll(
  pool: Pool,
  pid: number | undefined,
  names: readonly string[],
): Promise<boolean> {
  const rows = await leaseRows(pool);
  return names.every((name) =>
    rows.some((r) => r.name === name && r.holder.includes(`:${pid}:`)),
  );
}

/** How many lines of a child's JSON log carry `msg`. */
export function logLines(output: string, msg: string): number {
  return output.split('\n').filter((line) => line.includes(`"msg":"${msg}"`))
    .length;
}

/**
 * `copies` copies of the station-fault day, each under its own ticket
 * ids, event ids and ticket numbers, the tickets' commands interleaved.
 */
export function scenarioCopies(
  copies: number,
  label: string,
): ScenarioAppend[] {
  const out: ScenarioAppend[] = [];
  for (let n = 0; n < copies; n++) {
    const tag = `${label}-${n}`;
    for (const append of interleavedAppends(stationFaultScenario())) {
      const ticketId = append.streamName.slice('station-fault-'.length);
      const copyId = deterministicUuid(`${tag}/${ticketId}`);
      out.push({
        streamName: `station-fault-${copyId}`,
        events: append.events.map((event) => copyOf(event, tag)),
      });
    }
  }
  return out;
}

function copyOf(event: NewEvent, tag: string): NewEvent {
  const data = { ...event.data };
  if (typeof data.ticketNumber === 'string') {
    data.ticketNumber = `${data.ticketNumber}-${tag}`;
  }
  const metadata = { ...event.metadata };
  for (const key of ['commandId', 'causationId', 'correlationId']) {
    const value = metadata[key];
    if (typeof value === 'string') metadata[key] = `${value}-${tag}`;
  }
  return {
    ...event,
    eventId: deterministicUuid(`${tag}/${event.eventId}`),
    data,
    metadata,
  };
}

/**
 * Appends one command after another, as workers would over a while. Any
 * revision: the projectors' deadline timers append to these streams too.
 */
export async function appendSlowly(
  store: EventStore,
  appends: readonly ScenarioAppend[],
  pauseMs = 5,
): Promise<void> {
  for (const { streamName, events } of appends) {
    await store.appendToStream(streamName, events, { expectedRevision: 'any' });
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/** How many events of the log a projection is fed. */
export async function eventsFor(
  store: EventStore,
  projection: Projection,
): Promise<{ count: number; last: string | null }> {
  const events = await store.readAll({
    filter: { streamPrefixes: projection.streamPrefixes },
  });
  return {
    count: events.length,
    last: events[events.length - 1]?.position ?? null,
  };
}

/** Whether every live projection has committed the log's last event. */
export async function allCaughtUp(
  resources: OpsdeskResources,
  projections: readonly Projection[],
): Promise<boolean> {
  for (const projection of projections) {
    const { last } = await eventsFor(resources.store, projection);
    const checkpoint = await loadCheckpoint(resources.pool, projection.name);
    if (checkpoint.position !== last) return false;
  }
  return true;
}

export interface RebuildComparison {
  name: string;
  live: unknown[][];
  rebuilt: unknown[][];
  /** Events committed by the live projection, over all its instances. */
  liveApplied: number;
  rebuiltApplied: number;
  /** Events of the log the projection is fed. */
  inLog: number;
}

/**
 * Rebuilds every projection from the log into tables under `suffix`,
 * with one runner each in this process, and returns both sides once both
 * stand at the log's end. The projectors' timers may still be appending,
 * so `retry` repeats until a reading finds the log unchanged around it.
 */
export async function rebuildAndCompare(
  resources: OpsdeskResources,
  suffix: string,
  retry: (attempt: () => Promise<void>) => Promise<void>,
): Promise<RebuildComparison[]> {
  const { pool, store } = resources;
  await runMigrations(
    pool,
    resources.config.databaseSchema,
    projectionMigrations({ tableSuffix: suffix }),
  );
  const live = liveProjections(resources);
  const rebuilt = liveProjections(resources, suffix);
  const runners = rebuilt.map(
    (projection) => new ProjectionRunner({ projection, store, pool }),
  );
  await Promise.all(runners.map((runner) => runner.start()));
  let out: RebuildComparison[] = [];
  try {
    await retry(async () => {
      out = await compareAtLogEnd(resources, live, rebuilt);
    });
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
  return out;
}

async function compareAtLogEnd(
  resources: OpsdeskResources,
  live: readonly Projection[],
  rebuilt: readonly Projection[],
): Promise<RebuildComparison[]> {
  const { pool, store } = resources;
  const out: RebuildComparison[] = [];
  for (const [i, projection] of live.entries()) {
    const log = await eventsFor(store, projection);
    const liveCheckpoint = await loadCheckpoint(pool, projection.name);
    const rebuiltCheckpoint = await loadCheckpoint(pool, rebuilt[i].name);
    if (
      liveCheckpoint.position !== log.last ||
      rebuiltCheckpoint.position !== log.last
    ) {
      throw new Error(`${projection.name} is not at the log's end yet`);
    }
    out.push({
      name: projection.name,
      live: await snapshot(pool, projection),
      rebuilt: await snapshot(pool, rebuilt[i]),
      liveApplied: liveCheckpoint.eventsApplied,
      rebuiltApplied: rebuiltCheckpoint.eventsApplied,
      inLog: log.count,
    });
    const after = await eventsFor(store, projection);
    if (after.last !== log.last) {
      throw new Error(`${projection.name}: the log moved while reading`);
    }
  }
  return out;
}
