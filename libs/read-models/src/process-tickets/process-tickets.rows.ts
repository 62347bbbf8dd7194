import {
  ROLES,
  type DomainEvent,
  type Label,
  type RoleId,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { shanghaiDay } from '@opsdesk/platform';
import { shouldApply } from '../station-fault/revision-guard';
import type {
  ProcessReadModelSpec,
  ReportFacts,
} from './process-tickets.spec-type';

type State = { status: string; ticketNumber?: string; subsidiaryId?: string };

/** What the projection keeps of a ticket between events. */
export interface ProcessTicketFold {
  lastRevision: number;
  state: State;
  reportedAt: string;
  closedAt: string | null;
  /** When the current holder received the ticket; null when nobody holds it. */
  holderSince: string | null;
}

export interface ProcessTicketRow {
  ticketId: string;
  processId: string;
  ticketNumber: string | null;
  subsidiaryId: string | null;
  status: string;
  statusZh: string;
  holderRole: RoleId | null;
  holderRoleZh: string | null;
  assigneeId: string | null;
  headline: string | null;
  outcome: string | null;
  amountFen: number | null;
  facts: Record<string, unknown>;
  terminal: boolean;
  reportedAt: string;
  /** The Shanghai day of the report, `YYYY-MM-DD`: reports count by it. */
  reportedDay: string;
  updatedAt: string;
  closedAt: string | null;
  lastRevision: number;
  state: State;
}

export interface ProcessInboxRow {
  ticketId: string;
  role: RoleId;
  assigneeId: string | null;
  status: string;
  since: string;
  ticketNumber: string | null;
  subsidiaryId: string | null;
  headline: string | null;
}

export interface ProcessTimelineRow {
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

export interface ProcessTicketStep {
  fold: ProcessTicketFold;
  ticket: ProcessTicketRow;
  /** Null: the ticket is in nobody's inbox (closed, or nobody's move). */
  inbox: ProcessInboxRow | null;
  timeline: ProcessTimelineRow;
}

export function ticketIdOf(spec: ProcessReadModelSpec, stream: string) {
  const prefix = `${spec.definition.processId}-`;
  return stream.startsWith(prefix) ? stream.slice(prefix.length) : stream;
}

function labelOf(
  labels: Readonly<Record<string, Label>>,
  key: string,
): Label | undefined {
  return Object.prototype.hasOwnProperty.call(labels, key)
    ? labels[key]
    : undefined;
}

function safely<T>(compute: () => T, fallback: T): T {
  // A summary or a reporting fact is a convenience: odd data must not
  // stop the projection.
  try {
    return compute();
  } catch {
    return fallback;
  }
}

/** The headline and reporting facts of a ticket's row, from its fold. */
export function describeState(
  spec: ProcessReadModelSpec,
  state: { status: string },
): { headline: string | null; facts: ReportFacts } {
  return {
    headline: safely(() => spec.headline(state), null),
    facts: safely(() => spec.report(state), {
      outcome: null,
      amountFen: null,
      facts: {},
    }),
  };
}

/** A timeline entry's Chinese line. */
export function entrySummary(
  spec: ProcessReadModelSpec,
  event: DomainEvent,
): string | null {
  // A type from a newer release is still shown, under its own name.
  if (!labelOf(spec.definition.eventLabels, event.type)) return null;
  return safely(() => spec.summary(event), null);
}

/**
 * The rows after `event`, or null when it was applied before (a replay).
 * A pure fold, so the projection and its tests share it.
 */
export function nextProcessTicketRows(
  spec: ProcessReadModelSpec,
  previous: ProcessTicketFold | null,
  event: RecordedEvent,
): ProcessTicketStep | null {
  const name = `${spec.tablePrefix}_tickets`;
  if (!shouldApply(name, previous?.lastRevision ?? null, event)) return null;

  const { definition } = spec;
  const ticketId = ticketIdOf(spec, event.streamName);
  const before: State = previous?.state ?? definition.initialState;
  const domainEvent = {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
  };
  const state = definition.evolve(before, domainEvent) as State;
  const custodyOf = spec.custody ?? definition.custody;
  const holder = custodyOf(state);
  const terminal = definition.isTerminal(state);
  const reportedAt = previous?.reportedAt ?? event.recordedAt;
  const closedAt = terminal ? (previous?.closedAt ?? event.recordedAt) : null;

  const was = previous ? custodyOf(before) : { role: null };
  const sameHolder =
    was.role === holder.role &&
    (was.assigneeId ?? null) === (holder.assigneeId ?? null);
  const holderSince =
    holder.role === null || terminal
      ? null
      : sameHolder && previous?.holderSince
        ? previous.holderSince
        : event.recordedAt;

  const { headline, facts } = describeState(spec, state);
  const stateLabel = labelOf(definition.stateLabels, state.status);
  const ticketNumber = state.ticketNumber ?? null;
  const subsidiaryId = state.subsidiaryId ?? null;

  const ticket: ProcessTicketRow = {
    ticketId,
    processId: definition.processId,
    ticketNumber,
    subsidiaryId,
    status: state.status,
    statusZh: stateLabel?.zh ?? state.status,
    holderRole: holder.role,
    holderRoleZh: holder.role ? (ROLES[holder.role]?.zh ?? holder.role) : null,
    assigneeId: holder.assigneeId ?? null,
    headline,
    outcome: facts.outcome,
    amountFen: facts.amountFen,
    facts: facts.facts,
    terminal,
    reportedAt,
    reportedDay: shanghaiDay(reportedAt),
    updatedAt: event.recordedAt,
    closedAt,
    lastRevision: event.revision,
    state,
  };

  const inbox: ProcessInboxRow | null =
    holder.role && holderSince
      ? {
          ticketId,
          role: holder.role,
          assigneeId: holder.assigneeId ?? null,
          status: state.status,
          since: holderSince,
          ticketNumber,
          subsidiaryId,
          headline,
        }
      : null;

  const eventLabel = labelOf(definition.eventLabels, event.type);
  const label = eventLabel ?? { zh: event.type, en: event.type };
  const actor = event.metadata?.actor;
  const role = actor?.role ?? null;
  const timeline: ProcessTimelineRow = {
    ticketId,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    labelZh: label.zh,
    labelEn: label.en,
    actorId: actor?.id ?? null,
    actorRole: role,
    actorRoleZh: role ? (ROLES[role as RoleId]?.zh ?? role) : null,
    actorKind: actor?.kind ?? null,
    recordedAt: event.recordedAt,
    summaryZh: entrySummary(spec, domainEvent),
    data: event.data,
  };

  return {
    fold: {
      lastRevision: event.revision,
      state,
      reportedAt,
      closedAt,
      holderSince,
    },
    ticket,
    inbox,
    timeline,
  };
}
