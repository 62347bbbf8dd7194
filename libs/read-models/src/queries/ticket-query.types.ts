import type {
  FinalStatus,
  ReporterType,
  RoleId,
  StationFaultState,
  StationFaultStatus,
} from '@opsdesk/domain';

/**
 * Times come twice: ISO-8601 UTC for machines (`reportedAt`) and the
 * Shanghai wall clock for people (`reportedAtShanghai`).
 */
export interface TicketView {
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
  reportedAtShanghai: string;
  updatedAt: string;
  updatedAtShanghai: string;
  closedAt: string | null;
  closedAtShanghai: string | null;
  lastRevision: number;
  state: StationFaultState;
  /** The subsidiary (子公司) owning the ticket; null before #7. */
  subsidiaryId: string | null;
}

export interface InboxItem {
  ticketId: string;
  role: RoleId;
  roleZh: string;
  assigneeId: string | null;
  status: StationFaultStatus;
  statusZh: string;
  /** When the ticket reached its current holder. */
  since: string;
  sinceShanghai: string;
  ticketNumber: string | null;
  stationName: string | null;
  regionId: string | null;
  subsidiaryId: string | null;
}

export interface TimelineEntry {
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
  recordedAtShanghai: string;
  summaryZh: string | null;
  data: Record<string, unknown>;
}

export interface Page {
  limit: number;
  offset: number;
}

/**
 * Whose tickets a reader may see: one subsidiary's, or (undefined) every
 * one, for headquarters.
 */
export interface Scope {
  subsidiaryId?: string;
  /**
   * Only the tickets whose supplier (the last one named) is one of these
   * charging-pile suppliers, in the inbox only the ones they hold now.
   * Undefined for the operator's own staff.
   */
  supplierIds?: readonly string[];
}

export interface InboxQuery extends Page, Scope {
  /** Only tickets held by this person within the role. */
  assigneeId?: string;
}

export interface TicketListQuery extends Page, Scope {
  status?: StationFaultStatus;
  regionId?: string;
}
