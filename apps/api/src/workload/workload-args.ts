import { OLDEST_PAST_MS } from '@opsdesk/domain';
import { UsageError } from '@opsdesk/runtime';

export interface WorkloadArgs {
  days: number;
  seed: number;
  /** Mean calls on an ordinary Monday; the profile's when absent. */
  perDay?: number;
  concurrency: number;
  /** The window's end; now when absent. */
  end?: Date;
}

export const WORKLOAD_USAGE =
  'usage: workload [--days 30] [--seed 2026] [--per-day 24] [--concurrency 8] [--end 2026-12-04T12:00:00Z]';

const FLAGS = ['days', 'seed', 'per-day', 'concurrency', 'end'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `--days 30` or `--days=30`; other arguments are left to the caller. */
function valueOf(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${flag}`) return argv[i + 1] ?? '';
    if (argv[i].startsWith(`--${flag}=`)) return argv[i].slice(flag.length + 3);
  }
  return undefined;
}

function whole(flag: string, value: string, min: number, max: number) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(
      `--${flag} must be a whole number from ${min} to ${max}; ${WORKLOAD_USAGE}`,
    );
  }
  return n;
}

/** Whether the command line asks for the usage. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/**
 * Refuses what is not an option of the generator (or one of `switches`,
 * the caller's own flags without a value), so a typo is not a silent run
 * with the defaults.
 */
function checkKnown(argv: readonly string[], switches: readonly string[]) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0] : null;
    if (name !== null && switches.includes(name)) continue;
    if (name !== null && (FLAGS as readonly string[]).includes(name)) {
      if (!arg.includes('=')) i += 1;
      continue;
    }
    throw new UsageError(
      `${name === null ? 'unexpected argument' : 'unknown option'} ${arg}; ${WORKLOAD_USAGE}`,
    );
  }
}

/** The generator's options from the command line, checked. */
export function parseWorkloadArgs(
  argv: readonly string[],
  switches: readonly string[] = [],
): WorkloadArgs {
  checkKnown(argv, switches);
  const raw = Object.fromEntries(
    FLAGS.map((flag) => [flag, valueOf(argv, flag)]),
  ) as Record<(typeof FLAGS)[number], string | undefined>;
  let end: Date | undefined;
  if (raw.end !== undefined) {
    end = new Date(raw.end);
    if (Number.isNaN(end.getTime()) || end.getTime() > Date.now()) {
      throw new UsageError(
        `--end must be an ISO instant, not in the future; ${WORKLOAD_USAGE}`,
      );
    }
  }
  const days = raw.days === undefined ? 30 : whole('days', raw.days, 1, 366);
  // The calls are decided now, and a call more than a year back is refused.
  const now = Date.now();
  const firstCall = (end?.getTime() ?? now) - days * DAY_MS;
  if (firstCall < now - OLDEST_PAST_MS) {
    throw new UsageError(
      `--end and --days reach more than a year back, and calls that old are refused; ${WORKLOAD_USAGE}`,
    );
  }
  return {
    days,
    seed: raw.seed === undefined ? 2026 : whole('seed', raw.seed, 0, 2 ** 31),
    ...(raw['per-day'] === undefined
      ? {}
      : { perDay: whole('per-day', raw['per-day'], 1, 2000) }),
    concurrency:
      raw.concurrency === undefined
        ? 8
        : whole('concurrency', raw.concurrency, 1, 64),
    ...(end ? { end } : {}),
  };
}
