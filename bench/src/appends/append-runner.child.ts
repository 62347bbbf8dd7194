import { randomUUID } from 'node:crypto';
import { childChannel } from '../support/child';
import { sampleWaits } from '../support/wait-sampler';
import {
  installQueryStats,
  startQueryStats,
  stopQueryStats,
} from '../support/query-stats';
import { LifecycleGenerator } from '../fixtures/lifecycles';
import {
  EVENTS_PER_STREAM,
  type AppendShape,
  type ReadResult,
  type ShapeResult,
} from './append-shapes';
import type {
  AppendContender,
  BenchEvent,
  ContenderName,
  StreamCursor,
} from './contender';
import { EmmettContender } from './emmett.contender';
import { OpsdeskContender } from './opsdesk.contender';
import { PgInsertContender } from './pg-insert.contender';

export interface AppendRunRequest {
  type: 'run';
  contender: ContenderName;
  url: string;
  schema: string;
  schemaUrl: string;
  setup: boolean;
  shapes: AppendShape[];
  warmupMs: number;
  durationMs: number;
  maxAppends: number;
  readMaxEvents: number;
  readPageSize: number;
  /** Times each statement of one more run of this shape. */
  profileShape?: AppendShape;
}

function contenderFor(request: AppendRunRequest): AppendContender {
  switch (request.contender) {
    case 'opsdesk':
      return new OpsdeskContender(request.url, request.schema);
    case 'emmett':
      return new EmmettContender(request.schemaUrl);
    case 'pg-insert':
      return new PgInsertContender(request.url, request.schema);
  }
}

/** Realistic event bodies (about 500 bytes each), reused in rotation. */
function eventBodies(): Omit<BenchEvent, 'eventId'>[] {
  const generator = new LifecycleGenerator(7);
  const bodies: Omit<BenchEvent, 'eventId'>[] = [];
  while (bodies.length < 2000) {
    for (const append of generator.ticket().appends) {
      for (const e of append.events) {
        bodies.push({ type: e.type, data: e.data, metadata: e.metadata });
      }
    }
  }
  return bodies;
}

async function runShape(
  store: AppendContender,
  shape: AppendShape,
  bodies: Omit<BenchEvent, 'eventId'>[],
  options: { warmupMs: number; durationMs: number; maxAppends: number },
): Promise<ShapeResult> {
  let appends = 0;
  let measuring = false;
  let next = 0;
  const streamPrefix = `station-fault-${randomUUID()}`;
  let streams = 0;

  async function writer(): Promise<void> {
    let stream: StreamCursor | undefined;
    while (!stopped) {
      if (!stream || stream.events >= EVENTS_PER_STREAM) {
        stream = {
          name: `${streamPrefix}-${streams++}`,
          expected: undefined,
          events: 0,
        };
      }
      const events: BenchEvent[] = [];
      for (let i = 0; i < shape.eventsPerAppend; i++) {
        events.push({
          ...bodies[next++ % bodies.length],
          eventId: randomUUID(),
        });
      }
      await store.append(stream, events);
      stream.events += events.length;
      if (measuring) appends += 1;
      if (appends >= options.maxAppends) stopped = true;
    }
  }

  let stopped = false;
  const writers = Array.from({ length: shape.inFlight }, () => writer());
  await new Promise((resolve) => setTimeout(resolve, options.warmupMs));
  measuring = true;
  const startedAt = performance.now();
  const deadline = startedAt + options.durationMs;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      if (stopped || performance.now() >= deadline) {
        clearInterval(tick);
        resolve();
      }
    }, 10);
  });
  const counted = appends;
  const elapsedMs = performance.now() - startedAt;
  stopped = true;
  await Promise.all(writers);
  const events = counted * shape.eventsPerAppend;
  return {
    shape: shape.name,
    appends: counted,
    events,
    elapsedMs,
    eventsPerSecond: (events / elapsedMs) * 1000,
    appendsPerSecond: (counted / elapsedMs) * 1000,
  };
}

async function readLog(
  store: AppendContender,
  maxEvents: number,
  pageSize: number,
): Promise<ReadResult> {
  let after: unknown = undefined;
  let events = 0;
  const startedAt = performance.now();
  while (events < maxEvents) {
    const page = await store.readPage(after, pageSize);
    events += page.count;
    after = page.next;
    if (page.count < pageSize) break;
  }
  const elapsedMs = performance.now() - startedAt;
  const stored = await store.count();
  return {
    events,
    stored,
    elapsedMs,
    eventsPerSecond: (events / elapsedMs) * 1000,
  };
}

const channel = childChannel();
installQueryStats();

channel.on('run', async (message) => {
  const request = message as unknown as AppendRunRequest;
  const store = contenderFor(request);
  try {
    if (request.setup) await store.setup();
    const bodies = eventBodies();
    const shapes: ShapeResult[] = [];
    for (const shape of request.shapes) {
      shapes.push(await runShape(store, shape, bodies, request));
    }
    const read = await readLog(
      store,
      request.readMaxEvents,
      request.readPageSize,
    );
    let profile;
    if (request.profileShape) {
      startQueryStats();
      const waits = sampleWaits(request.schemaUrl);
      const run = await runShape(store, request.profileShape, bodies, {
        ...request,
        warmupMs: 0,
      });
      profile = {
        run,
        statements: stopQueryStats(),
        waits: await waits.stop(),
      };
    }
    channel.send({ type: 'result', shapes, read, profile });
  } finally {
    await store.close();
  }
});

channel.on('stop', async () => process.exit(0));
channel.send({ type: 'ready' });
