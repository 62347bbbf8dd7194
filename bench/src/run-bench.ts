import { loadavg } from 'node:os';
import { runAppendsPart } from './appends/appends.part';
import { runEndToEndPart } from './end-to-end/end-to-end.part';
import { BenchUsageError, parseOptions, USAGE } from './options';
import { runQueriesPart } from './queries/queries.part';
import {
  prepareLogSchema,
  rebuildOnce,
  runRebuildPart,
} from './rebuild/rebuild.part';
import { renderReport } from './report/render';
import { runScaledPart } from './scaled/scaled.part';
import { writeResults, type BenchResults } from './report/results';
import { judgeTargets } from './report/targets';
import {
  ensureBenchDatabase,
  type BenchSchema,
} from './support/bench-database';
import { cleanUpNow } from './support/cleanup';
import { machineInfo } from './support/machine';

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const round = (values: number[]) =>
  values.map((l) => Math.round(l * 100) / 100);

async function main(): Promise<void> {
  const request = parseOptions(process.argv.slice(2));
  if (request.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options } = request;
  await ensureBenchDatabase();
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    mode: options.quick ? 'quick' : 'full',
    reps: options.reps,
    machine: await machineInfo(),
    loadAverage: {},
    parts: {},
  };
  async function part<T>(name: string, run: () => Promise<T>): Promise<T> {
    log(`${name} …`);
    const before = loadavg();
    const startedAt = Date.now();
    const value = await run();
    results.loadAverage[name] = {
      before: round(before),
      after: round(loadavg()),
      seconds: Math.round((Date.now() - startedAt) / 1000),
    };
    return value;
  }
  const wants = (p: (typeof options.parts)[number]) =>
    options.parts.includes(p);

  if (wants('appends')) {
    results.parts.appends = await part('appends', () =>
      runAppendsPart(options, log),
    );
  }
  if (wants('end-to-end')) {
    results.parts.endToEnd = await part('end-to-end', () =>
      runEndToEndPart(options, log),
    );
  }
  if (wants('scaled')) {
    results.parts.scaled = await part('scaled', () =>
      runScaledPart(options, log),
    );
  }
  // Part 5 reads the read models part 4 rebuilt (or builds its own).
  let readModels: BenchSchema | undefined;
  try {
    if (wants('rebuild')) {
      results.parts.rebuild = await part('rebuild', () =>
        runRebuildPart(options, log, (schema) => (readModels = schema)),
      );
    }
    if (wants('queries')) {
      results.parts.queries = await part('queries', async () => {
        if (!readModels) {
          log('  building read models for the queries (no rebuild part)');
          const prepared = await prepareLogSchema(
            options.quick ? 5000 : 100_000,
          );
          readModels = prepared.schema;
          await rebuildOnce(
            prepared.schema,
            prepared.log.head,
            options.rebuild.timeLimitMs,
          );
        }
        return runQueriesPart(options, readModels, log);
      });
    }
  } finally {
    await readModels?.drop();
  }

  results.finishedAt = new Date().toISOString();
  results.targets = judgeTargets(results);
  const report = renderReport(results);
  process.stdout.write(`${report}\n`);
  const written = await writeResults(results, report, options);
  log(`results: ${written.join(', ')}`);
  // Client libraries (BullMQ's reconnect timers among them) may keep the
  // event loop alive after every connection was closed.
  process.exit(0);
}

// Interrupted: drop the schemas, delete the keys and stop the children
// this run made, then leave with the signal's usual status.
for (const [signal, status] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanUpNow().finally(() => process.exit(status));
  });
}

main().catch((error: unknown) => {
  if (error instanceof BenchUsageError) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `bench failed: ${(error as Error).stack ?? String(error)}\n`,
  );
  process.exit(1);
});
