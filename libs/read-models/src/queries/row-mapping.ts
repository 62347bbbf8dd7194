import {
  ROLES,
  STATION_FAULT_STATES,
  type RoleId,
  type StationFaultStatus,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type {
  InboxItem,
  TicketView,
  TimelineEntry,
} from './ticket-query.types';
import { iso, isoOrNull, text, type DbRow } from './db-values';

function wallClock(value: unknown): string | null {
  return value === null || value === undefined
    ? null
    : shanghaiTime(value as Date);
}

function statusZh(status: StationFaultStatus): string {
  return STATION_FAULT_STATES[status]?.zh ?? status;
}

export function toTicketView(row: DbRow): TicketView {
  return {
    ticketId: String(row.ticket_id),
    processId: String(row.process_id),
    ticketNumber: text(row.ticket_number),
    status: row.status as TicketView['status'],
    statusZh: String(row.status_zh),
    holderRole: text(row.holder_role) as TicketView['holderRole'],
    holderRoleZh: text(row.holder_role_zh),
    assigneeId: text(row.assignee_id),
    stationId: text(row.station_id),
    stationName: text(row.station_name),
    district: text(row.district),
    street: text(row.street),
    regionId: text(row.region_id),
    regionalPlatformId: text(row.regional_platform_id),
    inspectorId: text(row.inspector_id),
    opsTeamId: text(row.ops_team_id),
    supplierId: text(row.supplier_id),
    reporterType: text(row.reporter_type) as TicketView['reporterType'],
    reporterName: text(row.reporter_name),
    reporterPhone: text(row.reporter_phone),
    faultDescription: text(row.fault_description),
    suspectedChargingPile: row.suspected_charging_pile as boolean | null,
    isChargingPileIssue: row.is_charging_pile_issue as boolean | null,
    finalStatus: text(row.final_status) as TicketView['finalStatus'],
    reportedAt: iso(row.reported_at),
    reportedAtShanghai: shanghaiTime(row.reported_at as Date),
    updatedAt: iso(row.updated_at),
    updatedAtShanghai: shanghaiTime(row.updated_at as Date),
    closedAt: isoOrNull(row.closed_at),
    closedAtShanghai: wallClock(row.closed_at),
    lastRevision: Number(row.last_revision),
    state: row.state as TicketView['state'],
    subsidiaryId: text(row.subsidiary_id),
  };
}

export function toInboxItem(row: DbRow): InboxItem {
  const role = row.role as RoleId;
  const status = row.status as StationFaultStatus;
  return {
    ticketId: String(row.ticket_id),
    role,
    roleZh: ROLES[role]?.zh ?? role,
    assigneeId: text(row.assignee_id),
    status,
    statusZh: statusZh(status),
    since: iso(row.since),
    sinceShanghai: shanghaiTime(row.since as Date),
    ticketNumber: text(row.ticket_number),
    stationName: text(row.station_name),
    regionId: text(row.region_id),
    subsidiaryId: text(row.subsidiary_id),
  };
}

export function toTimelineEntry(row: DbRow): TimelineEntry {
  return {
    ticketId: String(row.ticket_id),
    revision: Number(row.revision),
    eventId: String(row.event_id),
    type: String(row.type),
    labelZh: String(row.label_zh),
    labelEn: String(row.label_en),
    actorId: text(row.actor_id),
    actorRole: text(row.actor_role),
    actorRoleZh: text(row.actor_role_zh),
    actorKind: text(row.actor_kind),
    recordedAt: iso(row.recorded_at),
    recordedAtShanghai: shanghaiTime(row.recorded_at as Date),
    summaryZh: text(row.summary_zh),
    data: row.data as Record<string, unknown>,
  };
}
