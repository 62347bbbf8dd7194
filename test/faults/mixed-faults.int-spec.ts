import { FAULT_KINDS } from './harness/fault-injector';
import { runScenario, type ScenarioReport } from './harness/scenario';
import { printSummary, summaryLine } from './harness/summary';

const TICKETS = Number(process.env.FAULTS_TICKETS ?? 5000);

/**
 * The fault harness over 5,000 station-fault tickets through every role,
 * on a Redis and a PostgreSQL cluster of its own, with three worker
 * processes and a projector it starts and kills: workers SIGKILLed at
 * random and at the worst moments, frozen past their job locks, the
 * projector killed between append, enqueue and checkpoint, Redis restarted
 * with and without its data, PostgreSQL restarted, jobs delivered twice.
 * The log must then hold exactly what the fault-free run of the same input
 * holds, and the read models what a rebuild from the log holds.
 */
describe(`${TICKETS} tickets while workers, projector, Redis and PostgreSQL fail`, () => {
  let report: ScenarioReport;

  beforeAll(async () => {
    report = await runScenario({
      name: 'mixed-faults',
      tickets: TICKETS,
      seed: 'mixed-faults',
      workers: 3,
      faults: FAULT_KINDS,
      pauseMs: [1000, 4000],
      ownPostgres: true,
      maxOpen: 400,
      duplicateRate: 0.05,
      deadlineMs: 12 * 60_000,
    });
    printSummary(summaryLine(report));
  }, 15 * 60_000);

  it('injected every kind of fault', () => {
    for (const kind of FAULT_KINDS) {
      expect({ kind, injected: report.faults[kind] > 0 }).toEqual({
        kind,
        injected: true,
      });
    }
  });

  it('loses no ticket', () => {
    expect(report.stuck).toEqual([]);
    expect(report.verdict.lost).toEqual([]);
  });

  it('appends no command twice', () => {
    expect(report.verdict.duplicateEvents).toEqual([]);
  });

  it('announces no hand-off twice, and none the log does not imply', () => {
    expect(report.verdict.duplicateNotifications).toBe(0);
    expect(report.verdict.unexpectedNotifications).toEqual([]);
  });

  it('ends every ticket with the log and state of the fault-free run', () => {
    expect(report.verdict.mismatched).toEqual([]);
  });

  it('leaves read models equal to a rebuild from the log', () => {
    expect(report.verdict.readModelDiffs).toEqual([]);
  });

  it('leaves no job running and none dead', () => {
    expect(report.queues.active).toBe(0);
    expect(report.queues.failed).toBe(0);
  });
});
