import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
export const AUDIT_ENTRY = resolve(ROOT, 'apps', 'audit', 'dist', 'main.js');
const GNU_TIME = '/usr/bin/time';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The tool's stderr (without the memory report, when measured). */
  stderr: string;
  /** Peak resident memory of the tool's process, when measured. */
  peakRssKb?: number;
}

export interface CliOptions {
  /** Called with stderr so far whenever more arrives. */
  onStderr?: (text: string) => void;
  /** Measure the process's peak RSS (GNU time, else /proc sampling). */
  measureMemory?: boolean;
}

export type RunningCli = Promise<CliRun> & {
  kill(signal: NodeJS.Signals): void;
};

const MAX_RSS = /^\s*Maximum resident set size \(kbytes\): (\d+)\s*$/m;

/**
 * Runs the built audit tool (`npx tsc -b tsconfig.build.json` first) on a
 * test schema, as an operator would: its own process, its own pool.
 */
export function runAuditCli(
  args: readonly string[],
  database: { url: string; schema: string },
  options: CliOptions = {},
): RunningCli {
  if (!existsSync(AUDIT_ENTRY)) {
    throw new Error(
      `${AUDIT_ENTRY} is missing: run npx tsc -b tsconfig.build.json`,
    );
  }
  const timed = options.measureMemory === true && existsSync(GNU_TIME);
  const command = timed ? GNU_TIME : process.execPath;
  const argv = timed
    ? ['-v', process.execPath, AUDIT_ENTRY, ...args]
    : [AUDIT_ENTRY, ...args];
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      DATABASE_SCHEMA: database.schema,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let sampledKb = 0;
  const sampler =
    options.measureMemory && !timed
      ? setInterval(() => {
          sampledKb = Math.max(sampledKb, highWaterKb(child.pid) ?? 0);
        }, 20)
      : undefined;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    options.onStderr?.(stderr);
  });
  const done = new Promise<CliRun>((resolveRun) =>
    child.once('close', (code, signal) => {
      clearInterval(sampler);
      const run: CliRun = { code, signal, stdout, stderr };
      if (timed) {
        const match = MAX_RSS.exec(stderr);
        const at = stderr.search(/^\s*Command (being timed|exited)/m);
        run.stderr = at >= 0 ? stderr.slice(0, at) : stderr;
        if (match) run.peakRssKb = Number(match[1]);
        // GNU time exits with the child's status, or reports its signal.
        const signalled = /Command terminated by signal (\d+)/.exec(stderr);
        if (signalled) run.code = null;
      } else if (options.measureMemory) {
        run.peakRssKb = sampledKb;
      }
      resolveRun(run);
    }),
  );
  return Object.assign(done, {
    kill(signal: NodeJS.Signals) {
      // Under GNU time the tool is time's child; kill runs untimed only.
      if (timed) throw new Error('kill a run that is not measured');
      child.kill(signal);
    },
  });
}

function highWaterKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
