import type { DeadlineLevel } from './deadline-instants';
import { dueWhileOpen, planStep } from './deadline-plan';
import type { DeadlinePolicyDraft } from './deadline-policy.types';
import {
  recordedDeadlines,
  stepOccurrences,
  type DeadlineProcess,
  type RecordedDeadline,
  type StepEvent,
} from './step-occurrences';
import type { WorkingCalendar } from './working-calendar.port';

/** One ticket's history, as the what-if replays it. */
export interface WhatIfTicket {
  processId: string;
  ticketId: string;
  events: readonly StepEvent[];
}

/** A warning or breach the proposal would have produced. */
export interface WouldFire {
  step: string;
  startRevision: number;
  level: DeadlineLevel;
  dueAt: string;
  deadlineAt: string;
}

export interface WhatIfTicketReport {
  processId: string;
  ticketId: string;
  proposed: WouldFire[];
  recorded: RecordedDeadline[];
}

interface Tally {
  /** Tickets with at least one warning / breach. */
  ticketsWarned: number;
  ticketsBreached: number;
  warnings: number;
  breaches: number;
}

export interface WhatIfReport {
  until: string;
  tickets: number;
  proposed: Tally;
  recorded: Tally;
  /** Only tickets where either side has something. */
  byTicket: WhatIfTicketReport[];
}

function tally(lists: readonly (readonly { level: string }[])[]): Tally {
  const isBreach = (l: { level: string }) => l.level === 'breach';
  return {
    ticketsWarned: lists.filter((l) => l.some((x) => !isBreach(x))).length,
    ticketsBreached: lists.filter((l) => l.some(isBreach)).length,
    warnings: lists.reduce(
      (n, l) => n + l.filter((x) => !isBreach(x)).length,
      0,
    ),
    breaches: lists.reduce((n, l) => n + l.filter(isBreach).length, 0),
  };
}

/**
 * Replays tickets under a proposed policy: which warnings and breaches it
 * would have given by `until`, beside those the log records (made under
 * the versions then in force). Pure: it reads the events, writes nothing.
 * TODO(#6): priorities are the ones the log recorded; a breach of the
 * proposal that would have raised a priority does not shorten the later
 * steps of the replay.
 */
export function whatIf(
  tickets: readonly WhatIfTicket[],
  policy: DeadlinePolicyDraft,
  processes: readonly DeadlineProcess[],
  calendar: WorkingCalendar,
  until: string,
): WhatIfReport {
  const reports: WhatIfTicketReport[] = [];
  for (const ticket of tickets) {
    const process = processes.find((p) => p.processId === ticket.processId);
    if (!process) continue;
    const proposed: WouldFire[] = [];
    for (const occurrence of stepOccurrences(process, ticket.events)) {
      const plan = planStep(policy, process.processId, occurrence, calendar);
      if (!plan) continue;
      for (const level of plan.levels) {
        if (!dueWhileOpen(level, occurrence, until)) continue;
        proposed.push({
          step: occurrence.step,
          startRevision: occurrence.startRevision,
          level: level.level,
          dueAt: level.at,
          deadlineAt: plan.deadlineAt,
        });
      }
    }
    const recorded = recordedDeadlines(process.processId, ticket.events);
    reports.push({
      processId: ticket.processId,
      ticketId: ticket.ticketId,
      proposed,
      recorded,
    });
  }
  return {
    until,
    tickets: reports.length,
    proposed: tally(reports.map((r) => r.proposed)),
    recorded: tally(reports.map((r) => r.recorded)),
    byTicket: reports.filter((r) => r.proposed.length || r.recorded.length),
  };
}
