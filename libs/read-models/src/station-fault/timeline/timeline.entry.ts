import {
  ROLES,
  STATION_FAULT_EVENT_LABELS,
  type Label,
  type StationFaultEventType,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import {
  stationFaultTicketId,
  toStationFaultEvent,
} from '../station-fault-stream';
import { timelineSummary } from './timeline-summary';

export const TIMELINE_PROJECTION = 'timeline';

/** One `timeline_entries` row; `recordedAt` is ISO-8601 UTC. */
export interface TimelineEntryRow {
  ticketId: string;
  revision: number;
  eventId: string;
  type: string;
  labelZh: string;
  labelEn: string;
  actorId: string | null;
  actorRole: string | null;
  actorRoleZh: string | null;
  actorKind: string | null;
  recordedAt: string;
  summaryZh: string | null;
  data: Record<string, unknown>;
}

export function timelineEntry(event: RecordedEvent): TimelineEntryRow {
  // A type from a newer release is still shown, under its own name.
  const known: Label | undefined =
    STATION_FAULT_EVENT_LABELS[event.type as StationFaultEventType];
  const label = known ?? { zh: event.type, en: event.type };
  const actor = event.metadata?.actor;
  const role = actor?.role ?? null;
  return {
    ticketId: stationFaultTicketId(event.streamName),
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    labelZh: label.zh,
    labelEn: label.en,
    actorId: actor?.id ?? null,
    actorRole: role,
    actorRoleZh: role ? (ROLES[role]?.zh ?? role) : null,
    actorKind: actor?.kind ?? null,
    recordedAt: event.recordedAt,
    summaryZh: known ? safeSummary(event) : null,
    data: event.data,
  };
}

/** A summary is a convenience: odd data must not stop the timeline. */
function safeSummary(event: RecordedEvent): string | null {
  try {
    return timelineSummary(toStationFaultEvent(event));
  } catch {
    return null;
  }
}
