import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { LOG_DIR } from '../support/child';
import { onInterrupt } from '../support/cleanup';
import type { StatementStat } from '../support/query-stats';

const REPO = join(__dirname, '..', '..', '..');
const AUDIT = join(REPO, 'apps', 'audit', 'dist', 'main.js');
const PROBE = join(__dirname, '..', 'support', 'child-probe.preload.js');

/**
 * The node flags `npm run audit` starts the tool with, so that the bench
 * measures what a user runs.
 */
export function auditNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const parsed = /^node((?: --\S+)*) apps\/audit\/dist\/main\.js$/.exec(
    pkg.scripts.audit,
  );
  if (!parsed) {
    throw new Error(
      `bench: cannot read the audit script: ${pkg.scripts.audit}`,
    );
  }
  return parsed[1].split(' ').filter(Boolean);
}

/** The audit tool's entry point, if it has been built (issue #4). */
export function auditTool(): string | undefined {
  return existsSync(AUDIT) ? AUDIT : undefined;
}

export interface AuditRebuildRun {
  projection: string;
  events: number;
  total: number;
  /** The tool's own rate: events over the seconds since it began paging. */
  eventsPerSecond: number;
  complete: boolean;
  exitCode: number | null;
  peakRssBytes: number;
  statements: StatementStat[];
}

/** Statements kept per run in the results, by total time. */
const KEPT_STATEMENTS = 20;

// e.g. "rebuild ticket-view 12% 3000/30014 events 250 events/s ETA 1:48"
const PROGRESS = /^rebuild (\S+) .*?(\d+)(?:\/(\d+))? events (\d+) events\/s/;

/**
 * `audit rebuild <projection>` in its own process, stopped with SIGINT
 * (the tool's own safe interruption) once `timeLimitMs` has passed.
 */
export async function auditRebuild(
  env: Record<string, string>,
  projection: string,
  timeLimitMs: number,
  cpuProfile?: { dir: string; name: string },
): Promise<AuditRebuildRun> {
  // The first child of a `--only=rebuild` run: nothing has made it yet.
  mkdirSync(LOG_DIR, { recursive: true });
  const probeFile = join(LOG_DIR, `audit-probe-${projection}.json`);
  rmSync(probeFile, { force: true });
  const args = [
    ...auditNodeFlags(),
    ...(cpuProfile
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${cpuProfile.dir}`,
          `--cpu-prof-name=${cpuProfile.name}`,
        ]
      : []),
    '-r',
    PROBE,
    AUDIT,
    'rebuild',
    projection,
    '--progress-every',
    '100',
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, BENCH_PROBE_FILE: probeFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(LOG_DIR, 'audit-rebuild.log'), {
    flags: 'a',
  });
  child.stdout.pipe(log);
  let events = 0;
  let total = 0;
  let rate = 0;
  let buffered = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log.write(chunk);
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const match = PROGRESS.exec(line.trim());
      if (!match || match[1] !== projection) continue;
      events = Number(match[2]);
      total = Number(match[3] ?? 0);
      rate = Number(match[4]);
    }
  });
  const forget = onInterrupt(async () => {
    child.kill('SIGINT');
  });
  const stopTimer = setTimeout(() => child.kill('SIGINT'), timeLimitMs);
  const killTimer = setTimeout(
    () => child.kill('SIGKILL'),
    timeLimitMs + 30_000,
  );
  const exitCode = await new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  clearTimeout(stopTimer);
  clearTimeout(killTimer);
  forget();
  let probe = { peakRssBytes: 0, statements: [] as StatementStat[] };
  if (existsSync(probeFile)) {
    probe = JSON.parse(readFileSync(probeFile, 'utf8')) as typeof probe;
  }
  return {
    projection,
    events,
    total,
    eventsPerSecond: rate,
    complete: exitCode === 0 && total > 0 && events >= total,
    exitCode,
    peakRssBytes: probe.peakRssBytes,
    // The costliest first; a rebuild's tail is one DDL statement per table,
    // each its own line, which only swell the results file.
    statements: probe.statements.slice(0, KEPT_STATEMENTS),
  };
}
