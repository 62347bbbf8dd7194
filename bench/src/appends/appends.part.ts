import { join } from 'node:path';
import type { BenchOptions } from '../options';
import { BenchChild } from '../support/child';
import {
  createBenchSchema,
  BENCH_DATABASE_URL,
  type BenchSchema,
} from '../support/bench-database';
import type { StatementStat } from '../support/query-stats';
import type { WaitProfile } from '../support/wait-sampler';
import { figure, ratioFigure, type Figure } from '../support/stats';
import { sleep } from '../support/time';
import type { AppendRunRequest } from './append-runner.child';
import {
  APPEND_SHAPES,
  type ReadResult,
  type ShapeResult,
} from './append-shapes';
import { CONTENDERS, type ContenderName } from './contender';

type PerContender<T> = Record<ContenderName, T>;

export interface AppendShapeFigures {
  shape: string;
  eventsPerSecond: PerContender<Figure>;
  /** opsdesk ÷ Emmett and opsdesk ÷ plain insert, run by run. */
  opsdeskVsEmmett: Figure;
  opsdeskVsPgInsert: Figure;
}

export interface AppendProfile {
  contender: ContenderName;
  shape: string;
  appendsPerSecond: number;
  /** Statements per append and their share of the time, by SQL shape. */
  statements: (StatementStat & { perAppend: number; share: number })[];
  /** The store's sessions by wait state, on average (see sampleWaits). */
  waits: WaitProfile;
}

export interface AppendsResult {
  shapes: AppendShapeFigures[];
  reads: {
    eventsPerSecond: PerContender<Figure>;
    eventsRead: PerContender<number[]>;
    eventsStored: PerContender<number[]>;
    opsdeskVsEmmett: Figure;
    opsdeskVsPgInsert: Figure;
  };
  profiles: AppendProfile[];
}

const RUNNER = join(__dirname, 'append-runner.child.js');

interface RunOutcome {
  shapes: ShapeResult[];
  read: ReadResult;
  profile?: {
    run: ShapeResult;
    statements: StatementStat[];
    waits: WaitProfile;
  };
}

/** Part 1: appends and global reads, each store in its own process. */
export async function runAppendsPart(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<AppendsResult> {
  const schemas = new Map<ContenderName, BenchSchema>();
  for (const name of CONTENDERS) {
    schemas.set(
      name,
      await createBenchSchema(`ap_${name.replace('-', '_')}`, 2),
    );
  }
  const outcomes = new Map<ContenderName, RunOutcome[]>(
    CONTENDERS.map((c) => [c, []]),
  );
  const profiles: AppendProfile[] = [];
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      // A different store goes first in each run, so drift in the
      // machine's load does not always favour the same one.
      const order = CONTENDERS.map(
        (_, i) => CONTENDERS[(i + rep) % CONTENDERS.length],
      );
      for (const contender of order) {
        const last = rep === options.reps - 1;
        const profiled = last && contender !== 'pg-insert';
        log(`  run ${rep + 1}/${options.reps}: ${contender}`);
        const run = () =>
          runContender(
            contender,
            schemas.get(contender) as BenchSchema,
            options,
            rep === 0,
            profiled,
          );
        // A shared server can refuse a connection for a moment (all its
        // slots taken by other users): one retry, after a pause.
        const outcome = await run().catch(async (error: unknown) => {
          log(`  ${contender} failed (${String(error)}); retrying once`);
          await sleep(15_000);
          return run();
        });
        outcomes.get(contender)?.push(outcome);
        if (outcome.profile) {
          profiles.push(profileOf(contender, outcome.profile));
        }
      }
    }
  } finally {
    for (const schema of schemas.values()) await schema.drop();
  }
  return summarize(outcomes, profiles);
}

async function runContender(
  contender: ContenderName,
  schema: BenchSchema,
  options: BenchOptions,
  setup: boolean,
  profiled: boolean,
): Promise<RunOutcome> {
  const child = new BenchChild(RUNNER, { name: `appends-${contender}` });
  try {
    await child.next('ready', 30_000);
    const request: AppendRunRequest = {
      type: 'run',
      contender,
      url: BENCH_DATABASE_URL,
      schema: schema.schema,
      schemaUrl: schema.schemaUrl,
      setup,
      shapes: [...APPEND_SHAPES],
      warmupMs: options.appends.warmupMs,
      durationMs: options.appends.durationMs,
      maxAppends: options.appends.maxAppends,
      readMaxEvents: options.appends.readMaxEvents,
      readPageSize: 500,
      profileShape: profiled ? APPEND_SHAPES[1] : undefined,
    };
    const budget =
      (APPEND_SHAPES.length + 2) *
        (options.appends.warmupMs + options.appends.durationMs) +
      180_000;
    const result = await child.ask(
      request as unknown as { type: string },
      'result',
      budget,
    );
    return result as unknown as RunOutcome;
  } finally {
    await child.stop();
  }
}

function profileOf(
  contender: ContenderName,
  profile: NonNullable<RunOutcome['profile']>,
): AppendProfile {
  const total = profile.statements.reduce((sum, s) => sum + s.totalMs, 0);
  return {
    contender,
    shape: profile.run.shape,
    appendsPerSecond: profile.run.appendsPerSecond,
    waits: profile.waits,
    statements: profile.statements.slice(0, 10).map((s) => ({
      ...s,
      perAppend: s.calls / Math.max(1, profile.run.appends),
      share: s.totalMs / total,
    })),
  };
}

function summarize(
  outcomes: Map<ContenderName, RunOutcome[]>,
  profiles: AppendProfile[],
): AppendsResult {
  const runsOf = (c: ContenderName) => outcomes.get(c) ?? [];
  const shapeRates = (c: ContenderName, i: number) =>
    runsOf(c).map((o) => o.shapes[i].eventsPerSecond);
  const readRates = (c: ContenderName) =>
    runsOf(c).map((o) => o.read.eventsPerSecond);
  const perContender = <T>(f: (c: ContenderName) => T) =>
    Object.fromEntries(CONTENDERS.map((c) => [c, f(c)])) as PerContender<T>;

  return {
    shapes: APPEND_SHAPES.map((shape, i) => ({
      shape: shape.name,
      eventsPerSecond: perContender((c) =>
        figure(shapeRates(c, i), 'events/s'),
      ),
      opsdeskVsEmmett: ratioFigure(
        shapeRates('opsdesk', i),
        shapeRates('emmett', i),
      ),
      opsdeskVsPgInsert: ratioFigure(
        shapeRates('opsdesk', i),
        shapeRates('pg-insert', i),
      ),
    })),
    reads: {
      eventsPerSecond: perContender((c) => figure(readRates(c), 'events/s')),
      eventsRead: perContender((c) => runsOf(c).map((o) => o.read.events)),
      eventsStored: perContender((c) => runsOf(c).map((o) => o.read.stored)),
      opsdeskVsEmmett: ratioFigure(readRates('opsdesk'), readRates('emmett')),
      opsdeskVsPgInsert: ratioFigure(
        readRates('opsdesk'),
        readRates('pg-insert'),
      ),
    },
    profiles,
  };
}
