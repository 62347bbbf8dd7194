import type { Label } from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import { logPages } from '../log/log-pages';
import {
  eventLabel,
  processOf,
  registeredProcesses,
  roleLabel,
  stateLabel,
  type AuditedProcess,
} from '../log/process-registry';
import { instantInRange, type TimeRange } from '../time/time-range';
import { TicketConformance, type DeviationKind } from './ticket-conformance';

export const DEVIATION_LABELS: Record<DeviationKind, Label> = {
  'skipped-step': { zh: '跳过步骤', en: 'skipped step' },
  loop: { zh: '循环（重入状态）', en: 'loop (state entered again)' },
  reassignment: { zh: '改派', en: 'reassignment' },
  'out-of-order': { zh: '顺序不符', en: 'out of order' },
  'incomplete-command': { zh: '操作事件不全', en: 'incomplete command' },
  'unknown-event': { zh: '未知事件', en: 'unknown event' },
  'fold-failed': { zh: '无法折叠', en: 'fold failed' },
  'fold-mismatch': { zh: '折叠结果不符', en: 'fold mismatch' },
};

export interface ProcessTally {
  processId: string;
  title: Label;
  tickets: number;
  /** No deviation, and at an end state. */
  followedExactly: number;
  /** No deviation so far, still open. */
  onPathSoFar: number;
  withDeviations: number;
  /** Tickets of a process without a transition table. */
  notChecked: number;
}

export interface DeviationRow {
  processId: string;
  kind: DeviationKind;
  kindLabel: Label;
  subject: string;
  subjectLabel: Label;
  tickets: number;
  occurrences: number;
}

export interface ConformanceReport {
  from: string | null;
  to: string | null;
  processes: ProcessTally[];
  deviations: DeviationRow[];
}

/**
 * Walks the log once, following every ticket reported in the range (its
 * first event recorded inside it) through its whole history.
 * TODO(#4): each followed ticket's walk stays in memory until the end;
 * a range of millions of tickets wants walks dropped at their end state.
 */
export async function conformanceReport(
  store: EventStore,
  range: TimeRange,
): Promise<ConformanceReport> {
  const tickets = new Map<string, TicketConformance>();
  const filter = {
    streamPrefixes: registeredProcesses().map((p) => `${p.processId}-`),
  };
  for await (const page of logPages(store, { filter })) {
    for (const event of page) {
      let ticket = tickets.get(event.streamName);
      if (!ticket) {
        const process = processOf(event.streamName);
        if (!process || event.revision !== 0) continue;
        if (!instantInRange(event.recordedAt, range)) continue;
        ticket = new TicketConformance(process);
        tickets.set(event.streamName, ticket);
      }
      ticket.step(event);
    }
  }
  for (const ticket of tickets.values()) ticket.finish();
  return {
    from:
      range.fromMs === undefined ? null : new Date(range.fromMs).toISOString(),
    to: range.toMs === undefined ? null : new Date(range.toMs).toISOString(),
    processes: tallies([...tickets.values()]),
    deviations: deviationRows([...tickets.values()]),
  };
}

function tallies(tickets: readonly TicketConformance[]): ProcessTally[] {
  const byProcess = new Map<string, ProcessTally>();
  for (const process of registeredProcesses()) {
    byProcess.set(process.processId, {
      processId: process.processId,
      title: process.title,
      tickets: 0,
      followedExactly: 0,
      onPathSoFar: 0,
      withDeviations: 0,
      notChecked: 0,
    });
  }
  for (const ticket of tickets) {
    const tally = byProcess.get(ticket.process.processId)!;
    tally.tickets += 1;
    if (!ticket.checked) tally.notChecked += 1;
    else if (ticket.deviations.length > 0) tally.withDeviations += 1;
    else if (ticket.ended) tally.followedExactly += 1;
    else tally.onPathSoFar += 1;
  }
  return [...byProcess.values()];
}

function deviationRows(tickets: readonly TicketConformance[]): DeviationRow[] {
  const rows = new Map<
    string,
    DeviationRow & { seen: Set<TicketConformance> }
  >();
  for (const ticket of tickets) {
    const { process } = ticket;
    for (const { kind, subject } of ticket.deviations) {
      const key = `${process.processId}\u0000${kind}\u0000${subject}`;
      const row = rows.get(key) ?? {
        processId: process.processId,
        kind,
        kindLabel: DEVIATION_LABELS[kind],
        subject,
        subjectLabel: subjectLabel(process, kind, subject),
        tickets: 0,
        occurrences: 0,
        seen: new Set<TicketConformance>(),
      };
      row.occurrences += 1;
      row.seen.add(ticket);
      row.tickets = row.seen.size;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map(({ seen: _seen, ...row }) => row)
    .sort(
      (a, b) =>
        b.occurrences - a.occurrences ||
        a.kind.localeCompare(b.kind) ||
        a.subject.localeCompare(b.subject),
    );
}

function subjectLabel(
  process: AuditedProcess,
  kind: DeviationKind,
  subject: string,
): Label {
  if (kind === 'loop' || kind === 'fold-mismatch') {
    return stateLabel(process, subject);
  }
  if (kind === 'reassignment') {
    return roleLabel(subject) ?? { zh: subject, en: subject };
  }
  return eventLabel(process, subject);
}
