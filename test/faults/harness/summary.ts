import type { ScenarioReport } from './scenario';

/** One line per scenario with its counts, for the test log. */
export function summaryLine(report: ScenarioReport): string {
  const v = report.verdict;
  const d = report.driver;
  const faults = Object.entries(report.faults)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind}=${n}`)
    .join(' ');
  return [
    `[faults] ${report.name}:`,
    `tickets=${report.tickets}`,
    `closed=${d.closed}`,
    `events=${v.events}`,
    `lost=${v.lost.length}`,
    `duplicateEvents=${v.duplicateEvents.length}`,
    `duplicateNotifications=${v.duplicateNotifications}`,
    `unexpectedNotifications=${v.unexpectedNotifications.length}`,
    `missedNotifications=${v.missedNotifications}`,
    `missedLast=${v.missedLastNotifications.length}`,
    `mismatched=${v.mismatched.length}`,
    `readModelDiffs=${v.readModelDiffs.length}`,
    `faults=${report.faultsTotal}${faults ? ` (${faults})` : ''}`,
    `restarts=${report.restarts}`,
    `reconcileRuns=${report.reconcileRuns}`,
    `reEnqueued=${report.reEnqueued}`,
    `commandsSent=${d.commandsSent}`,
    `commandsResent=${d.commandsResent}`,
    `duplicatedCommands=${d.commandsDuplicated}`,
    `duplicatedHandoffs=${d.handoffsDuplicated}`,
    `deadLettersRetried=${d.deadLettersRetried}`,
    `rejected=${d.rejected}`,
    `active=${report.queues.active}`,
    `failed=${report.queues.failed}`,
    `seconds=${Math.round(report.durationMs / 1000)}`,
  ].join(' ');
}

/** Printed on stdout, so it shows in the test run whatever jest captures. */
export function printSummary(line: string): void {
  process.stdout.write(`${line}\n`);
}
