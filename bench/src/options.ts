export type PartName =
  'appends' | 'end-to-end' | 'scaled' | 'rebuild' | 'queries';

export const PARTS: readonly PartName[] = [
  'appends',
  'end-to-end',
  'scaled',
  'rebuild',
  'queries',
];

export interface BenchOptions {
  quick: boolean;
  /** Each figure is measured this many times; the table shows the median. */
  reps: number;
  parts: readonly PartName[];
  /** Whether to rewrite the table in BENCHMARKS.md. */
  writeDocs: boolean;
  appends: {
    warmupMs: number;
    durationMs: number;
    maxAppends: number;
    readMaxEvents: number;
  };
  endToEnd: {
    intakeTickets: number;
    chainTickets: number;
    loads: readonly number[];
    offerMs: number;
    /** The offer window when a rate is well above the measured drain rate. */
    overloadOfferMs: number;
    drainBoundMs: number;
    baselineJobs: number;
  };
  /** The backlog drain on one process and on the scaled topology. */
  scaled: {
    intakeTickets: number;
    chainTickets: number;
  };
  rebuild: {
    logEvents: number;
    /**
     * Per run of the audit tool's rebuild: a bound on a run that hangs,
     * not a measuring window; a full run's rebuilds end well within it.
     */
    auditLimitMs: number;
    /** Per run of the projection runners' catch-up. */
    timeLimitMs: number;
    profileMs: number;
  };
  queries: {
    rate: number;
    connections: number;
    durationMs: number;
  };
}

const FULL: Omit<BenchOptions, 'parts' | 'writeDocs'> = {
  quick: false,
  reps: 3,
  appends: {
    warmupMs: 1000,
    durationMs: 5000,
    maxAppends: 500_000,
    readMaxEvents: 200_000,
  },
  endToEnd: {
    intakeTickets: 1000,
    chainTickets: 500,
    loads: [100, 300, 500],
    offerMs: 10_000,
    overloadOfferMs: 3000,
    drainBoundMs: 300_000,
    baselineJobs: 10_000,
  },
  scaled: { intakeTickets: 1000, chainTickets: 500 },
  rebuild: {
    logEvents: 1_000_000,
    auditLimitMs: 300_000,
    timeLimitMs: 120_000,
    profileMs: 20_000,
  },
  queries: { rate: 200, connections: 50, durationMs: 15_000 },
};

const QUICK: Omit<BenchOptions, 'parts' | 'writeDocs'> = {
  quick: true,
  reps: 1,
  appends: {
    warmupMs: 300,
    durationMs: 1500,
    maxAppends: 100_000,
    readMaxEvents: 50_000,
  },
  endToEnd: {
    intakeTickets: 200,
    chainTickets: 100,
    loads: [100, 300, 500],
    offerMs: 2000,
    overloadOfferMs: 1000,
    drainBoundMs: 60_000,
    baselineJobs: 3000,
  },
  scaled: { intakeTickets: 200, chainTickets: 100 },
  rebuild: {
    logEvents: 30_000,
    auditLimitMs: 8000,
    timeLimitMs: 20_000,
    profileMs: 5000,
  },
  queries: { rate: 200, connections: 50, durationMs: 3000 },
};

export const USAGE = `usage: npm run bench [-- options]
  --quick              a short smoke run (one repetition, small sizes)
  --only=PART[,PART]   some parts only: ${PARTS.join(', ')}
  --reps=N             measure each figure N times (default 3)
  --no-docs            leave BENCHMARKS.md as it is
  --help               this text`;

/** A command line the bench cannot run; the message is one line. */
export class BenchUsageError extends Error {}

/** What the command line asks for: a run, or the usage text. */
export type BenchRequest =
  { kind: 'run'; options: BenchOptions } | { kind: 'help' };

/**
 * `--quick` for a short smoke run; `--only=appends,queries` for some
 * parts; `--reps=N`; `--no-docs` to leave BENCHMARKS.md alone. Anything
 * else is refused before a minute of measuring is spent on a typo.
 */
export function parseOptions(argv: readonly string[]): BenchRequest {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const unknown = argv.filter(
    (a) =>
      !['--quick', '--no-docs'].includes(a) &&
      !a.startsWith('--only=') &&
      !a.startsWith('--reps='),
  );
  if (unknown.length) {
    throw new BenchUsageError(
      `unknown option ${unknown.join(' ')} (npm run bench -- --help lists them)`,
    );
  }
  const quick = argv.includes('--quick');
  const base = quick ? QUICK : FULL;
  const only = argv.find((a) => a.startsWith('--only='));
  const parts = only
    ? only
        .slice('--only='.length)
        .split(',')
        .map((p) => p.trim())
    : [...PARTS];
  const unknownParts = parts.filter((p) => !(PARTS as string[]).includes(p));
  if (unknownParts.length) {
    throw new BenchUsageError(
      `unknown part ${unknownParts.join(', ')}; parts: ${PARTS.join(', ')}`,
    );
  }
  return {
    kind: 'run',
    options: {
      ...base,
      reps: repsOf(argv) ?? base.reps,
      parts: parts as PartName[],
      writeDocs: !quick && !only && !argv.includes('--no-docs'),
    },
  };
}

function repsOf(argv: readonly string[]): number | undefined {
  const given = argv.find((a) => a.startsWith('--reps='));
  if (given === undefined) return undefined;
  const reps = Number(given.slice('--reps='.length));
  if (!Number.isInteger(reps) || reps < 1) {
    throw new BenchUsageError(`--reps must be a whole number of at least 1`);
  }
  return reps;
}
