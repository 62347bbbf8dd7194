import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, runMigrations } from '@opsdesk/platform';
import { createStationFaultProjections } from '@opsdesk/read-models';
import { allMigrations } from '@opsdesk/runtime';
import { seedStations } from '@opsdesk/stations';
import { PROFILE_DIR } from '../end-to-end/end-to-end.part';
import type { BenchOptions } from '../options';
import {
  BENCH_DATABASE_URL,
  createBenchSchema,
  type BenchSchema,
} from '../support/bench-database';
import {
  summarizeCpuProfile,
  type CpuProfileSummary,
} from '../support/cpu-profile-summary';
import type { StatementStat } from '../support/query-stats';
import { figure, type Figure } from '../support/stats';
import { auditRebuild, auditTool, type AuditRebuildRun } from './audit-rebuild';
import { buildLog, type BuiltLog } from './log-builder';
import { rebuildOnce, toRunnerRun, type RunnerRun } from './runner-rebuild';

export { rebuildOnce } from './runner-rebuild';

export interface RebuildProfile {
  of: string;
  seconds: number;
  eventsPerSecond: number;
  cpuProfile: CpuProfileSummary;
  /** Per event and read model. */
  statements: (StatementStat & { perEvent: number })[];
}

export interface RebuildResult {
  method: string;
  log: BuiltLog;
  /** All read models: one event through every projection, per second. */
  eventsPerSecond: Figure;
  perProjection: { projection: string; eventsPerSecond: Figure }[];
  peakRssMiB: Figure;
  complete: boolean;
  auditRuns: AuditRebuildRun[][];
  /** `rebuild all`, one run per repetition (absent without the tool). */
  allRuns?: AuditRebuildRun[];
  /** The projections rebuilt alone, one after another: 1 ÷ Σ(1 ÷ rateᵢ). */
  oneAfterAnotherEventsPerSecond?: Figure;
  /** The live projection runners catching up from zero, all at once. */
  runners: RunnerRun[];
  runnersEventsPerSecond: Figure;
  profile?: RebuildProfile;
}

const AUDIT_METHOD =
  'the audit tool’s `rebuild all`, which builds every read model in one ' +
  'pass over the log, run to the end, its rate the tool’s own: log events ' +
  'over the seconds from its start to the last table swapped in, the ' +
  'indexes built after the last page included (the checksums it prints ' +
  'after that are not); beside it `rebuild <projection>` for each read ' +
  'model of station-fault tickets alone, each run the same way (a run ' +
  'that outlasts the time limit is stopped with SIGINT and its rate is ' +
  'that of the part it rebuilt)';

const RUNNER_METHOD =
  'projection runners catching up from position zero on fresh checkpoints, ' +
  'all at once (the audit tool was not built)';

/** A schema with every migration applied and a log loaded. */
export async function prepareLogSchema(
  targetEvents: number,
): Promise<{ schema: BenchSchema; log: BuiltLog }> {
  const schema = await createBenchSchema('rebuild', 4);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: BENCH_DATABASE_URL,
    DATABASE_SCHEMA: schema.schema,
  });
  await runMigrations(schema.pool, schema.schema, allMigrations(config));
  await seedStations(schema.pool);
  const log = await buildLog(schema.pool, targetEvents);
  return { schema, log };
}

function perEventStatements(
  statements: readonly StatementStat[],
  eventsApplied: number,
) {
  return statements.slice(0, 10).map((s) => ({
    ...s,
    perEvent: s.calls / Math.max(1, eventsApplied),
  }));
}

/** 1 ÷ Σ(1 ÷ rateᵢ): one event through every projection, one after another. */
function sequentialRate(rates: readonly number[]): number {
  if (rates.some((r) => !(r > 0))) return Number.NaN;
  return 1 / rates.reduce((sum, r) => sum + 1 / r, 0);
}

/**
 * Part 4. Leaves read models (as far as the runners got) in the schema
 * for part 5 when `keep` is given; the caller then drops the schema.
 */
export async function runRebuildPart(
  options: BenchOptions,
  log: (line: string) => void,
  keep?: (schema: BenchSchema, built: BuiltLog) => void,
): Promise<RebuildResult> {
  const o = options.rebuild;
  log(`  loading a log of ${o.logEvents.toLocaleString('en-US')} events`);
  const { schema, log: built } = await prepareLogSchema(o.logEvents);
  let kept = false;
  try {
    log(
      `  loaded ${built.events} events (${built.tickets} tickets) in ${Math.round(built.elapsedMs / 1000)} s`,
    );
    mkdirSync(PROFILE_DIR, { recursive: true });
    // The log holds station-fault tickets only: projections of other
    // processes have nothing to rebuild from it.
    const names = createStationFaultProjections()
      .filter((p) =>
        p.streamPrefixes.some((x) => 'station-fault-'.startsWith(x)),
      )
      .map((p) => p.name);
    const env = {
      DATABASE_URL: BENCH_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      LOG_LEVEL: 'warn',
    };
    const withAudit = auditTool() !== undefined;
    let profile: RebuildProfile | undefined;
    const auditRuns: AuditRebuildRun[][] = [];
    const allRuns: AuditRebuildRun[] = [];

    if (withAudit) {
      const name = `audit-rebuild-${names[0]}.cpuprofile`;
      log(`  profile: audit rebuild ${names[0]} for ${o.profileMs / 1000} s`);
      const profiled = await auditRebuild(env, names[0], o.profileMs, {
        dir: PROFILE_DIR,
        name,
      });
      profile = {
        of: `audit rebuild ${names[0]}`,
        seconds: profiled.events / Math.max(1, profiled.eventsPerSecond),
        eventsPerSecond: profiled.eventsPerSecond,
        cpuProfile: summarizeCpuProfile(join(PROFILE_DIR, name)),
        statements: perEventStatements(profiled.statements, profiled.events),
      };
      for (let rep = 0; rep < options.reps; rep++) {
        const runs: AuditRebuildRun[] = [];
        for (const projection of names) {
          log(
            `  run ${rep + 1}/${options.reps}: audit rebuild ${projection} (limit ${o.auditLimitMs / 1000} s)`,
          );
          runs.push(await auditRebuild(env, projection, o.auditLimitMs));
        }
        auditRuns.push(runs);
        log(
          `  run ${rep + 1}/${options.reps}: audit rebuild all (limit ${o.auditLimitMs / 1000} s)`,
        );
        allRuns.push(await auditRebuild(env, 'all', o.auditLimitMs));
      }
    }

    const runners: RunnerRun[] = [];
    const runnerReps = withAudit ? 1 : options.reps;
    if (!withAudit) {
      const profileFile = join(PROFILE_DIR, 'runner-rebuild.cpuprofile');
      log(`  profile: runner catch-up for ${o.profileMs / 1000} s`);
      const message = await rebuildOnce(
        schema,
        built.head,
        o.profileMs,
        profileFile,
      );
      const run = toRunnerRun(message);
      profile = {
        of: 'projection runners',
        seconds: run.elapsedMs / 1000,
        eventsPerSecond: run.eventsPerSecond,
        cpuProfile: summarizeCpuProfile(profileFile),
        statements: perEventStatements(
          message.statements as StatementStat[],
          run.progress.reduce((n, p) => n + p.eventsApplied, 0),
        ),
      };
    }
    for (let rep = 0; rep < runnerReps; rep++) {
      log(
        `  run ${rep + 1}/${runnerReps}: runner catch-up (limit ${o.timeLimitMs / 1000} s)`,
      );
      runners.push(
        toRunnerRun(await rebuildOnce(schema, built.head, o.timeLimitMs)),
      );
    }
    if (keep) {
      keep(schema, built);
      kept = true;
    }

    const runnerRates = runners.map((r) => r.eventsPerSecond);
    if (withAudit) {
      return {
        method: AUDIT_METHOD,
        log: built,
        eventsPerSecond: figure(
          allRuns.map((r) => r.eventsPerSecond),
          'events/s',
        ),
        oneAfterAnotherEventsPerSecond: figure(
          auditRuns.map((runs) =>
            sequentialRate(runs.map((r) => r.eventsPerSecond)),
          ),
          'events/s',
        ),
        perProjection: names.map((projection, i) => ({
          projection,
          eventsPerSecond: figure(
            auditRuns.map((runs) => runs[i].eventsPerSecond),
            'events/s',
          ),
        })),
        peakRssMiB: figure(
          auditRuns.map(
            (runs, rep) =>
              Math.max(...[...runs, allRuns[rep]].map((r) => r.peakRssBytes)) /
              2 ** 20,
          ),
          'MiB',
        ),
        complete: allRuns.every((r) => r.complete),
        auditRuns,
        allRuns,
        runners,
        runnersEventsPerSecond: figure(runnerRates, 'events/s'),
        profile,
      };
    }
    return {
      method: RUNNER_METHOD,
      log: built,
      eventsPerSecond: figure(runnerRates, 'events/s'),
      perProjection: names.map((projection) => ({
        projection,
        eventsPerSecond: figure(
          runners.map((r) => {
            const p = r.progress.find((x) => x.name === projection);
            return p
              ? p.eventsApplied / ((p.caughtUpMs ?? r.elapsedMs) / 1000)
              : Number.NaN;
          }),
          'events/s',
        ),
      })),
      peakRssMiB: figure(
        runners.map((r) => r.peakRssBytes / 2 ** 20),
        'MiB',
      ),
      complete: runners.every((r) => r.complete),
      auditRuns,
      runners,
      runnersEventsPerSecond: figure(runnerRates, 'events/s'),
      profile,
    };
  } finally {
    if (!kept) await schema.drop();
  }
}
