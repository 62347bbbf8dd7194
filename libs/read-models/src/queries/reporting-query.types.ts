import type { FaultCategory, RoleId } from '@opsdesk/domain';

/**
 * Which tickets a report covers. Days are Shanghai calendar days of the
 * call (`2026-03-09`), both ends included; every field is optional.
 */
export interface ReportFilter {
  from?: string;
  to?: string;
  regionId?: string;
  stationId?: string;
  category?: FaultCategory;
}

/**
 * A filter within the reader's scope: `subsidiaryId` keeps a reader to
 * the subsidiary's tickets; absent for headquarters, who see all.
 */
export interface ScopedReportFilter extends ReportFilter {
  subsidiaryId?: string;
}

/** The counts every report row carries. */
export interface ReportCounts {
  reported: number;
  /** Tickets whose inspector has reported the first visit's result. */
  inspected: number;
  clearedFirstVisit: number;
  /** clearedFirstVisit / inspected; null before any inspection. */
  firstVisitFixRate: number | null;
  escalated: number;
  supplierInvolved: number;
  repairedOnSite: number;
  cleared: number;
  stillOpen: number;
  /** Seconds from intake to result, over cleared tickets. */
  timeToClearMedianS: number | null;
  timeToClearP90S: number | null;
}

export interface ReportDay extends ReportCounts {
  day: string;
}

/** One row of `report_daily`: day × region × station × category. */
export interface ReportStationDay extends ReportCounts {
  day: string;
  regionId: string | null;
  regionZh: string | null;
  stationId: string | null;
  stationName: string | null;
  category: FaultCategory | null;
  categoryZh: string | null;
}

export interface ClearTimeBucket {
  label: string;
  /** Inclusive lower bound in seconds. */
  fromS: number;
  /** Exclusive upper bound in seconds; null for the last bucket. */
  toS: number | null;
  count: number;
}

export interface ClearTimeByCategory {
  category: FaultCategory | null;
  categoryZh: string | null;
  cleared: number;
  medianS: number | null;
  p90S: number | null;
}

export interface ClearTimeReport {
  cleared: number;
  medianS: number | null;
  p90S: number | null;
  buckets: ClearTimeBucket[];
  byCategory: ClearTimeByCategory[];
}

/** How long one role held tickets, over the filtered tickets. */
export interface CustodyByRole {
  role: RoleId;
  roleZh: string;
  periods: number;
  tickets: number;
  closedPeriods: number;
  /** Sum, median and 90th percentile over ended periods. */
  closedHeldS: number;
  medianHeldS: number | null;
  p90HeldS: number | null;
  openPeriods: number;
  /** Sum over open periods, up to now. */
  openHeldS: number;
}

export interface CustodyPeriod {
  ticketId: string;
  ticketNumber: string | null;
  day: string;
  regionId: string | null;
  stationId: string | null;
  category: FaultCategory | null;
  seq: number;
  role: RoleId;
  roleZh: string;
  assigneeId: string | null;
  fromAt: string;
  toAt: string | null;
  /** Null while the period is open. */
  durationS: number | null;
  /** The duration, or the time so far while open. */
  heldS: number;
}

export interface BacklogCell {
  regionId: string | null;
  regionZh: string | null;
  role: RoleId | null;
  roleZh: string | null;
  openTickets: number;
  oldestSince: string | null;
}

export interface OpenTicket {
  ticketId: string;
  ticketNumber: string | null;
  day: string;
  callTime: string;
  recordedAt: string;
  regionId: string | null;
  regionZh: string | null;
  stationId: string | null;
  stationName: string | null;
  category: FaultCategory | null;
  categoryZh: string | null;
  status: string;
  statusZh: string;
  holderRole: RoleId | null;
  holderRoleZh: string | null;
  assigneeId: string | null;
  holderSince: string | null;
  /** Since intake, on the log's clock. */
  openS: number;
  /** With the current holder. */
  heldS: number | null;
}
