import type { Label } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { ProcessWalker, type MachineFinding } from '../machine/process-walker';
import {
  eventLabel,
  roleLabel,
  stateLabel,
  transitionsOf,
  type AuditedProcess,
} from '../log/process-registry';
import { formatShanghai } from '../time/shanghai-time';
import { changesBetween, type FieldChange } from '../text/flatten';

export interface HistoryActor {
  id: string | null;
  name: string | null;
  role: string | null;
  roleLabel: Label | null;
  kind: string | null;
  subsidiary: string | null;
}

/** One event of a ticket as an auditor reads it. */
export interface HistoryEntry {
  revision: number;
  eventId: string;
  type: string;
  label: Label;
  recordedAt: string;
  recordedAtShanghai: string;
  actor: HistoryActor;
  commandId: string | null;
  correlationId: string | null;
  causationId: string | null;
  data: Record<string, unknown>;
  status: { before: string; after: string; afterLabel: Label };
  holder: {
    role: string | null;
    roleLabel: Label | null;
    assigneeId: string | null;
  };
  /** The ticket's fields this event changed, from the fold. */
  changes: FieldChange[];
  /** Rules of the process's state machine this event broke, if any. */
  findings: MachineFinding[];
}

/** The stream's events, folded in order, each with what it changed. */
export function historyEntries(
  process: AuditedProcess,
  events: readonly RecordedEvent[],
): HistoryEntry[] {
  const walker = new ProcessWalker(process, transitionsOf(process) ?? null);
  return events.map((event) => {
    const before = walker.state;
    const step = walker.step(event);
    const after = walker.state;
    return {
      revision: event.revision,
      eventId: event.eventId,
      type: event.type,
      label: eventLabel(process, event.type),
      recordedAt: event.recordedAt,
      recordedAtShanghai: formatShanghai(event.recordedAt),
      actor: actorOf(event),
      commandId: text(event.metadata?.commandId),
      correlationId: text(event.metadata?.correlationId),
      causationId: text(event.metadata?.causationId),
      data: event.data,
      status: {
        before: step.before.status,
        after: step.after.status,
        afterLabel: stateLabel(process, step.after.status),
      },
      holder: {
        role: step.after.custody.role,
        roleLabel: roleLabel(step.after.custody.role),
        assigneeId: step.after.custody.assigneeId ?? null,
      },
      changes: changesBetween(before, after),
      findings: step.findings,
    };
  });
}

function actorOf(event: RecordedEvent): HistoryActor {
  const actor = (event.metadata?.actor ?? {}) as Partial<
    Record<keyof HistoryActor, unknown>
  >;
  const role = text(actor.role);
  return {
    id: text(actor.id),
    name: text(actor.name),
    role,
    roleLabel: roleLabel(role),
    kind: text(actor.kind),
    subsidiary: text(actor.subsidiary),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
