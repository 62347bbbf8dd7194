import { join } from 'node:path';
import { createStationFaultProjections } from '@opsdesk/read-models';
import {
  BENCH_DATABASE_URL,
  type BenchSchema,
} from '../support/bench-database';
import { BenchChild } from '../support/child';
import type { RebuildRequest, RunnerProgress } from './rebuild-runner.child';

const RUNNER = join(__dirname, 'rebuild-runner.child.js');

export interface RunnerRun {
  elapsedMs: number;
  complete: boolean;
  /** Events every read model has applied (the slowest runner's count). */
  eventsRebuilt: number;
  eventsPerSecond: number;
  progress: RunnerProgress[];
  peakRssBytes: number;
}

const READ_MODEL_TABLES = [
  'ticket_view',
  'inbox_items',
  'inbox_folds',
  'timeline_entries',
];

/** Empties every read-model table the projections own, and the checkpoints. */
async function resetReadModels(schema: BenchSchema): Promise<void> {
  const tables = createStationFaultProjections().flatMap((p) => [...p.tables]);
  const known = tables.length ? tables : READ_MODEL_TABLES;
  await schema.pool.query(`TRUNCATE ${known.join(', ')}`);
  await schema.pool.query('DELETE FROM projection_checkpoints');
}

/** One catch-up of every runner in a fresh child, from empty read models. */
export async function rebuildOnce(
  schema: BenchSchema,
  head: string,
  timeLimitMs: number,
  profileFile?: string,
) {
  await resetReadModels(schema);
  const child = new BenchChild(RUNNER, { name: 'rebuild-runner' });
  try {
    await child.next('ready', 30_000);
    const request: RebuildRequest = {
      type: 'rebuild',
      url: BENCH_DATABASE_URL,
      schema: schema.schema,
      head,
      timeLimitMs,
      profileFile,
    };
    return await child.ask(
      request as unknown as { type: string },
      'rebuilt',
      timeLimitMs + 120_000,
    );
  } finally {
    await child.stop();
  }
}

export function toRunnerRun(message: Record<string, unknown>): RunnerRun {
  const progress = message.progress as RunnerProgress[];
  const elapsedMs = message.elapsedMs as number;
  const complete = message.complete as boolean;
  const eventsRebuilt = Math.min(...progress.map((p) => p.eventsApplied));
  const doneMs = complete
    ? Math.max(...progress.map((p) => p.caughtUpMs ?? elapsedMs))
    : elapsedMs;
  return {
    elapsedMs: doneMs,
    complete,
    eventsRebuilt,
    eventsPerSecond: (eventsRebuilt / doneMs) * 1000,
    progress,
    peakRssBytes: message.peakRssBytes as number,
  };
}
