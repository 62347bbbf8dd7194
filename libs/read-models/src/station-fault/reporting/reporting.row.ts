import {
  evolveStationFault,
  initialStationFaultState,
  stationFaultCustody,
  type Custody,
  type FaultCategory,
  type RoleId,
  type StationFaultState,
  type StationFaultStatus,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { shanghaiDay } from '@opsdesk/platform';
import { shouldApply } from '../revision-guard';
import {
  stationFaultTicketId,
  toStationFaultEvent,
} from '../station-fault-stream';

export const REPORTING_PROJECTION = 'reporting';

/** Who produced the ticket's result (the fault was cleared). */
export type Resolution = 'inspector' | 'supplier' | 'ops-team';

/**
 * One `reporting_tickets` row. Instants are ISO-8601 UTC from the log's
 * clock (`recordedAt`) except `callTime`, which the agent gives; the
 * report day is the Shanghai day of the call; durations are seconds.
 */
export interface ReportingTicketRow {
  ticketId: string;
  ticketNumber: string | null;
  /** `2026-03-09`: the Shanghai day of `callTime`. */
  reportDay: string;
  callTime: string;
  /** The intake (4.1) on the log's clock: where durations start. */
  recordedAt: string;
  regionId: string | null;
  stationId: string | null;
  stationName: string | null;
  district: string | null;
  /** The subsidiary owning the ticket; null for one recorded before #7. */
  subsidiaryId: string | null;
  category: FaultCategory | null;
  status: StationFaultStatus;
  inspectionVisits: number;
  /** What the inspector reported after the first visit, once known. */
  firstVisitResult: 'cleared' | 'not-cleared' | null;
  escalated: boolean;
  supplierInvolved: boolean;
  /** Operations' own on-site repair fixed the fault (4.10, D2 no). */
  repairedOnSite: boolean;
  resolution: Resolution | null;
  clearedAt: string | null;
  /** From `recordedAt` to `clearedAt`. */
  timeToClearS: number | null;
  closedAt: string | null;
  updatedAt: string;
}

/**
 * One `reporting_folds` row: what only the projection reads, kept apart so
 * the rows reports read stay narrow (#9).
 */
export interface ReportingFold {
  lastRevision: number;
  /** The domain's fold, without the reporter: no personal data here. */
  state: StationFaultState;
  /** Holding periods opened so far; the open one is number this − 1. */
  custodyPeriods: number;
  /** Start of the open holding period; null when nobody holds it. */
  holderSince: string | null;
}

/** A ticket as the projection folds it: its report row and its fold. */
export type ReportingTicket = ReportingTicketRow & ReportingFold;

/** A holding period that starts with this event. */
export interface CustodyPeriodStart {
  ticketId: string;
  seq: number;
  role: RoleId;
  assigneeId: string | null;
  fromAt: string;
  fromRevision: number;
}

/** The open holding period, ended by this event. */
export interface CustodyPeriodEnd {
  ticketId: string;
  seq: number;
  toAt: string;
  toRevision: number;
  durationS: number;
}

export interface ReportingStep {
  ticket: ReportingTicket;
  ended: CustodyPeriodEnd | null;
  started: CustodyPeriodStart | null;
}

export function secondsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 1000;
}

/**
 * The reporting rows after `event`, or null when they already hold it.
 * The fold and the custody are the domain's; what counts as escalated,
 * cleared or repaired is read off the event types.
 */
export function nextReporting(
  previous: ReportingTicket | null,
  event: RecordedEvent,
): ReportingStep | null {
  const lastRevision = previous ? previous.lastRevision : null;
  if (!shouldApply(REPORTING_PROJECTION, lastRevision, event)) return null;

  const ticketId = stationFaultTicketId(event.streamName);
  const before = previous ? previous.state : initialStationFaultState;
  const domainEvent = toStationFaultEvent(event);
  const state = evolveStationFault(before, domainEvent);
  const at = event.recordedAt;
  const base = previous ?? firstRow(ticketId, state, at);

  const ticket: ReportingTicket = {
    ...base,
    ...dimensions(state, base),
    status: state.status,
    inspectionVisits: state.inspectionVisits,
    closedAt: state.status === 'CLOSED' ? (base.closedAt ?? at) : null,
    updatedAt: at,
    lastRevision: event.revision,
    state: withoutReporter(state),
  };

  switch (domainEvent.type) {
    case 'station-fault.fault-cleared-by-inspector':
      firstVisit(ticket, state, 'cleared');
      cleared(ticket, 'inspector', at);
      break;
    case 'station-fault.fault-not-cleared':
      firstVisit(ticket, state, 'not-cleared');
      break;
    case 'station-fault.escalated-to-station-manager':
      ticket.escalated = true;
      break;
    case 'station-fault.supplier-dispatched':
      ticket.supplierInvolved = true;
      break;
    case 'station-fault.supplier-handling-completed':
      if (domainEvent.data.outcome === 'fixed') {
        cleared(ticket, 'supplier', at);
      }
      break;
    case 'station-fault.ops-repair-completed':
      if (domainEvent.data.outcome === 'fixed') {
        ticket.repairedOnSite = true;
        cleared(ticket, 'ops-team', at);
      }
      break;
    default:
      break;
  }

  return custodyStep(ticket, stationFaultCustody(before), event);
}

/** Reports need nobody's name or number; later events never read them. */
function withoutReporter(state: StationFaultState): StationFaultState {
  const { reporter: _reporter, ...rest } = state;
  return rest;
}

function firstRow(
  ticketId: string,
  state: StationFaultState,
  at: string,
): ReportingTicket {
  // A stream always opens with call-received; its call time is the day.
  const callTime = state.callTime ?? at;
  return {
    ticketId,
    ticketNumber: null,
    reportDay: shanghaiDay(callTime),
    callTime,
    recordedAt: at,
    regionId: null,
    stationId: null,
    stationName: null,
    district: null,
    subsidiaryId: null,
    category: null,
    status: state.status,
    inspectionVisits: 0,
    firstVisitResult: null,
    escalated: false,
    supplierInvolved: false,
    repairedOnSite: false,
    resolution: null,
    clearedAt: null,
    timeToClearS: null,
    closedAt: null,
    updatedAt: at,
    lastRevision: -1,
    state,
    custodyPeriods: 0,
    holderSince: null,
  };
}

function dimensions(state: StationFaultState, row: ReportingTicketRow) {
  const station = state.station;
  return {
    ticketNumber: state.ticketNumber ?? row.ticketNumber,
    regionId: station?.regionId ?? row.regionId,
    stationId: station?.id ?? row.stationId,
    stationName: station?.name ?? row.stationName,
    district: station?.district ?? row.district,
    subsidiaryId: station?.subsidiaryId ?? row.subsidiaryId,
    category: state.category ?? row.category,
  };
}

function firstVisit(
  row: ReportingTicketRow,
  state: StationFaultState,
  result: 'cleared' | 'not-cleared',
): void {
  if (row.firstVisitResult === null && state.inspectionVisits === 1) {
    row.firstVisitResult = result;
  }
}

/** The first result counts; the fault stays cleared. */
function cleared(
  row: ReportingTicketRow,
  resolution: Resolution,
  at: string,
): void {
  if (row.clearedAt !== null) return;
  row.resolution = resolution;
  row.clearedAt = at;
  row.timeToClearS = secondsBetween(row.recordedAt, at);
}

/**
 * A holding period ends and the next begins only when the holder (role
 * and assignee) changes, not on every event the holder records.
 */
function custodyStep(
  ticket: ReportingTicket,
  was: Custody,
  event: RecordedEvent,
): ReportingStep {
  const now = stationFaultCustody(ticket.state);
  const same =
    was.role === now.role &&
    (was.assigneeId ?? null) === (now.assigneeId ?? null);
  if (same) return { ticket, ended: null, started: null };

  const at = event.recordedAt;
  const ended: CustodyPeriodEnd | null =
    ticket.holderSince === null
      ? null
      : {
          ticketId: ticket.ticketId,
          seq: ticket.custodyPeriods - 1,
          toAt: at,
          toRevision: event.revision,
          durationS: secondsBetween(ticket.holderSince, at),
        };
  const started: CustodyPeriodStart | null = now.role
    ? {
        ticketId: ticket.ticketId,
        seq: ticket.custodyPeriods,
        role: now.role,
        assigneeId: now.assigneeId ?? null,
        fromAt: at,
        fromRevision: event.revision,
      }
    : null;
  return {
    ticket: {
      ...ticket,
      custodyPeriods: ticket.custodyPeriods + (started ? 1 : 0),
      holderSince: started ? at : null,
    },
    ended,
    started,
  };
}
