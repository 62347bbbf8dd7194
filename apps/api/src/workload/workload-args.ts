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

/** The generator's options from the command line, checked. */
export function parseWorkloadArgs(argv: readonly string[]): WorkloadArgs {
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
  return {
    days: raw.days === undefined ? 30 : whole('days', raw.days, 1, 366),
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
