import {
  evolveStationFault,
  initialStationFaultState,
  ROLES,
  STATION_FAULT_STATES,
  stationFaultCustody,
  type FinalStatus,
  type ReporterType,
  type RoleId,
  type StationFaultState,
  type StationFaultStatus,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { shouldApply } from '../revision-guard';
import {
  STATION_FAULT_PROCESS_ID,
  stationFaultTicketId,
  toStationFaultEvent,
} from '../station-fault-stream';

/** What the ticket view keeps of a ticket between events. */
export interface TicketViewFold {
  lastRevision: number;
  state: StationFaultState;
  reportedAt: string;
  closedAt: string | null;
}

/** One `ticket_view` row; times are ISO-8601 UTC. */
export interface TicketViewRow {
  ticketId: string;
  processId: string;
  ticketNumber: string | null;
  status: StationFaultStatus;
  statusZh: string;
  holderRole: RoleId | null;
  holderRoleZh: string | null;
  assigneeId: string | null;
  stationId: string | null;
  stationName: string | null;
  district: string | null;
  street: string | null;
  regionId: string | null;
  regionalPlatformId: string | null;
  inspectorId: string | null;
  opsTeamId: string | null;
  supplierId: string | null;
  reporterType: ReporterType | null;
  reporterName: string | null;
  reporterPhone: string | null;
  faultDescription: string | null;
  suspectedChargingPile: boolean | null;
  isChargingPileIssue: boolean | null;
  finalStatus: FinalStatus | null;
  reportedAt: string;
  updatedAt: string;
  closedAt: string | null;
  lastRevision: number;
  state: StationFaultState;
  /** The subsidiary owning the ticket; null for a ticket from before #7. */
  subsidiaryId: string | null;
}

export const TICKET_VIEW_PROJECTION = 'ticket-view';

/**
 * The row after `event`, or null when the view already holds it. The
 * fold is the domain's own; the columns are read off its state.
 */
export function nextTicketView(
  previous: TicketViewFold | null,
  event: RecordedEvent,
): TicketViewRow | null {
  const lastRevision = previous ? previous.lastRevision : null;
  if (!shouldApply(TICKET_VIEW_PROJECTION, lastRevision, event)) return null;

  const state = evolveStationFault(
    previous ? previous.state : initialStationFaultState,
    toStationFaultEvent(event),
  );
  // The close instant the domain recorded; the store's time if it has none.
  const closedAt =
    state.status === 'CLOSED'
      ? (state.closedAt ?? previous?.closedAt ?? event.recordedAt)
      : null;

  return ticketViewRow(stationFaultTicketId(event.streamName), state, {
    reportedAt: previous ? previous.reportedAt : event.recordedAt,
    updatedAt: event.recordedAt,
    closedAt,
    lastRevision: event.revision,
  });
}

function ticketViewRow(
  ticketId: string,
  state: StationFaultState,
  times: Pick<
    TicketViewRow,
    'reportedAt' | 'updatedAt' | 'closedAt' | 'lastRevision'
  >,
): TicketViewRow {
  const custody = stationFaultCustody(state);
  const holderRole = custody.role ?? null;
  const station = state.station;
  return {
    ticketId,
    processId: STATION_FAULT_PROCESS_ID,
    ticketNumber: state.ticketNumber ?? null,
    status: state.status,
    statusZh: STATION_FAULT_STATES[state.status]?.zh ?? state.status,
    holderRole,
    holderRoleZh: holderRole ? (ROLES[holderRole]?.zh ?? holderRole) : null,
    assigneeId: custody.assigneeId ?? null,
    stationId: station?.id ?? null,
    stationName: station?.name ?? null,
    district: station?.district ?? null,
    street: station?.street ?? null,
    regionId: station?.regionId ?? null,
    regionalPlatformId: state.regionalPlatformId ?? null,
    inspectorId: state.inspectorId ?? null,
    opsTeamId: state.opsTeamId ?? null,
    supplierId: state.supplierId ?? null,
    reporterType: state.reporter?.type ?? null,
    reporterName: state.reporter?.name ?? null,
    reporterPhone: state.reporter?.phone ?? null,
    faultDescription: state.faultDescription ?? null,
    suspectedChargingPile: state.suspectedChargingPile ?? null,
    isChargingPileIssue: state.isChargingPileIssue ?? null,
    finalStatus: state.finalStatus ?? null,
    ...times,
    state,
    subsidiaryId: station?.subsidiaryId ?? null,
  };
}
