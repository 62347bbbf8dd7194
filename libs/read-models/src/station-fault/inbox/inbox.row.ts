import {
  evolveStationFault,
  initialStationFaultState,
  stationFaultCustody,
  type Custody,
  type RoleId,
  type StationFaultState,
  type StationFaultStatus,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { shouldApply } from '../revision-guard';
import {
  stationFaultTicketId,
  toStationFaultEvent,
} from '../station-fault-stream';

export const INBOX_PROJECTION = 'inbox';

export interface InboxFold {
  lastRevision: number;
  state: StationFaultState;
  /** When the current holder received the ticket; null once closed. */
  holderSince: string | null;
}

/** One `inbox_items` row; `since` is ISO-8601 UTC. */
export interface InboxItemRow {
  ticketId: string;
  role: RoleId;
  assigneeId: string | null;
  status: StationFaultStatus;
  since: string;
  ticketNumber: string | null;
  stationName: string | null;
  regionId: string | null;
  /** The subsidiary owning the ticket; null for a ticket from before #7. */
  subsidiaryId: string | null;
}

export interface InboxStep {
  fold: InboxFold;
  /** Null: the ticket is in nobody's inbox (closed, or no one's move). */
  item: InboxItemRow | null;
}

/** The inbox after `event`, or null when it was applied before. */
export function nextInbox(
  previous: InboxFold | null,
  event: RecordedEvent,
): InboxStep | null {
  const lastRevision = previous ? previous.lastRevision : null;
  if (!shouldApply(INBOX_PROJECTION, lastRevision, event)) return null;

  const before = previous ? previous.state : initialStationFaultState;
  const state = evolveStationFault(before, toStationFaultEvent(event));
  const holder = stationFaultCustody(state);

  if (!holder.role || state.status === 'CLOSED') {
    return {
      fold: { lastRevision: event.revision, state, holderSince: null },
      item: null,
    };
  }

  // `since` moves only when the ticket changes hands, not on every event
  // its holder records (an inspector arriving keeps the inspector's date).
  const was: Custody = previous ? stationFaultCustody(before) : { role: null };
  const sameHolder =
    was.role === holder.role &&
    (was.assigneeId ?? null) === (holder.assigneeId ?? null);
  const since =
    sameHolder && previous?.holderSince
      ? previous.holderSince
      : event.recordedAt;

  return {
    fold: { lastRevision: event.revision, state, holderSince: since },
    item: {
      ticketId: stationFaultTicketId(event.streamName),
      role: holder.role,
      assigneeId: holder.assigneeId ?? null,
      status: state.status,
      since,
      ticketNumber: state.ticketNumber ?? null,
      stationName: state.station?.name ?? null,
      regionId: state.station?.regionId ?? null,
      subsidiaryId: state.station?.subsidiaryId ?? null,
    },
  };
}
