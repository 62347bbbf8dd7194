import type { Custody, Label } from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import type { Pool } from 'pg';
import { openedForReading } from '../resources/personal-data';
import { ProcessWalker } from '../machine/process-walker';
import {
  eventLabel,
  roleLabel,
  stateLabel,
  type AuditedProcess,
} from '../log/process-registry';
import type { LocatedTicket } from '../log/ticket-locator';
import { formatShanghai } from '../time/shanghai-time';
import { knownDeadlines, type KnownDeadline } from './known-deadlines';

/** A ticket as it stood at one instant, rebuilt from the log alone. */
export interface TicketAt {
  streamName: string;
  processId: string;
  at: string;
  atShanghai: string;
  /** Events recorded at or before the instant, folded. */
  eventsApplied: number;
  /** Events of the stream recorded after it. */
  eventsLater: number;
  lastEvent: {
    revision: number;
    type: string;
    label: Label;
    recordedAt: string;
    recordedAtShanghai: string;
  } | null;
  status: string;
  statusLabel: Label;
  holder: { role: string | null; roleLabel: Label | null };
  assigneeId: string | null;
  deadlines: KnownDeadline[];
  state: object;
}

export async function ticketAt(
  { store, pool }: { store: EventStore; pool: Pool },
  ticket: LocatedTicket,
  at: string,
): Promise<TicketAt> {
  const stored = await store.readStream(ticket.streamName, {
    untilRecordedAt: at,
  });
  const events = await openedForReading(pool, stored);
  const [head] = await store.readStream(ticket.streamName, {
    direction: 'backwards',
    maxCount: 1,
  });
  return foldAt(ticket.process, ticket.streamName, events, head, at);
}

function foldAt(
  process: AuditedProcess,
  streamName: string,
  events: readonly RecordedEvent[],
  head: RecordedEvent | undefined,
  at: string,
): TicketAt {
  const walker = new ProcessWalker(process, null);
  let custody: Custody = { role: null };
  for (const event of events) custody = walker.step(event).after.custody;
  const state = walker.state;
  const last = events[events.length - 1];
  const applied = events.length;
  return {
    streamName,
    processId: process.processId,
    at,
    atShanghai: formatShanghai(at),
    eventsApplied: applied,
    eventsLater: head ? head.revision + 1 - applied : 0,
    lastEvent: last
      ? {
          revision: last.revision,
          type: last.type,
          label: eventLabel(process, last.type),
          recordedAt: last.recordedAt,
          recordedAtShanghai: formatShanghai(last.recordedAt),
        }
      : null,
    status: state.status,
    statusLabel: stateLabel(process, state.status),
    holder: { role: custody.role, roleLabel: roleLabel(custody.role) },
    assigneeId: custody.assigneeId ?? null,
    deadlines: knownDeadlines(state, events, at),
    state,
  };
}
