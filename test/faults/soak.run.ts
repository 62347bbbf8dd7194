import { FAULT_KINDS, type FaultKind } from './harness/fault-injector';
import { runScenario, type ScenarioReport } from './harness/scenario';
import { printSummary, summaryLine } from './harness/summary';

/**
 * The harness's soak mode: `node scripts/soak.js --tickets 20000` runs
 * this file (and only this one) through jest with the options below as
 * SOAK_* variables, prints progress while it runs and the summary line at
 * the end, and fails if any ticket was lost, doubled or diverged.
 */
const env = process.env;
const tickets = Number(env.SOAK_TICKETS ?? 20_000);
const faults = faultsFrom(env.SOAK_FAULTS ?? 'all');
const pause = (env.SOAK_PAUSE_MS ?? '2000,5000').split(',').map(Number);

function faultsFrom(spec: string): FaultKind[] {
  if (spec === 'none') return [];
  if (spec === 'all') return [...FAULT_KINDS];
  const kinds = spec.split(',');
  const unknown = kinds.filter(
    (k) => !(FAULT_KINDS as readonly string[]).includes(k),
  );
  if (unknown.length) throw new Error(`Unknown faults: ${unknown.join(', ')}`);
  return kinds as FaultKind[];
}

describe(`a soak run of ${tickets} tickets`, () => {
  let report: ScenarioReport;

  beforeAll(async () => {
    report = await runScenario({
      name: env.SOAK_NAME ?? 'soak',
      tickets,
      seed: env.SOAK_SEED ?? 'soak',
      workers: Number(env.SOAK_WORKERS ?? 3),
      faults,
      pauseMs: [pause[0], pause[1] ?? pause[0]],
      // Its own cluster always: the run may restart it, and its load and
      // connections stay off the machine's shared server.
      ownPostgres: true,
      maxOpen: Number(env.SOAK_MAX_OPEN ?? 400),
      duplicateRate: Number(env.SOAK_DUPLICATE_RATE ?? 0.05),
      deadlineMs: Number(env.SOAK_DEADLINE_MS ?? 24 * 3600_000),
      progress: printSummary,
      progressEveryMs: Number(env.SOAK_PROGRESS_MS ?? 30_000),
    });
    printSummary(summaryLine(report));
  });

  it('loses no ticket', () => {
    expect(report.stuck).toEqual([]);
    expect(report.verdict.lost).toEqual([]);
  });

  it('appends no command twice and announces no hand-off twice', () => {
    expect(report.verdict.duplicateEvents).toEqual([]);
    expect(report.verdict.duplicateNotifications).toBe(0);
    expect(report.verdict.unexpectedNotifications).toEqual([]);
  });

  it('ends every ticket as the fault-free run does', () => {
    expect(report.verdict.mismatched).toEqual([]);
  });

  it('leaves read models equal to a rebuild from the log', () => {
    expect(report.verdict.readModelDiffs).toEqual([]);
  });

  it('leaves no job running', () => {
    expect(report.queues.active).toBe(0);
  });
});
