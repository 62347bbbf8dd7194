import { HttpStatus } from '@nestjs/common';
import { ROLES, type Label } from '@opsdesk/domain';
import type { CommandOutcome, ProcessCatalog } from '@opsdesk/messaging';
import { ApiError } from '../http/api-error';
import type { IssueResult } from './command-gateway.service';

export interface TicketAnswer {
  commandId: string;
  duplicate: boolean;
  ticket: {
    id: string;
    number?: string;
    process: string;
    status: string;
    statusLabel: Label;
    holder: {
      role: string | null;
      roleLabel: Label | null;
      assigneeId?: string;
    };
    revision: number;
  };
  events: { type: string; label: Label; revision: number }[];
  links: { ticket: string; timeline: string; command: string };
}

export interface PendingAnswer {
  commandId: string;
  status: 'pending';
  links: { command: string; ticket: string };
}

const PATHS: Record<string, string> = {
  'station-fault': 'station-faults',
  'order-anomaly': 'order-anomalies',
  'repair-order': 'repair-orders',
  'repair-shop-book': 'repair-orders/shop-books',
  'fee-waiver': 'fee-waivers',
  invoice: 'invoices',
  'traffic-violation': 'traffic-violations',
  'phone-callback': 'phone-callbacks',
  'repeat-caller': 'repeat-callers',
  'email-case': 'email-cases',
  'centre-emergency': 'centre-emergencies',
  'membership-card': 'membership-cards',
  'card-courier-record': 'card-courier-records',
  'vehicle-repair': 'vehicle-repairs',
  'deadline-policy': 'deadline-policies',
};

export function ticketPath(processId: string, ticketId: string): string {
  return `/${PATHS[processId] ?? processId}/${ticketId}`;
}

/**
 * Turns a worker's outcome into the HTTP answer: the new ticket state with
 * Chinese labels, a `202` with a status link, or the rejection's error.
 */
export function present(
  result: IssueResult,
  processes: ProcessCatalog,
  processId: string,
): { status: number; body: TicketAnswer | PendingAnswer } {
  if (result.state === 'pending') {
    return {
      status: HttpStatus.ACCEPTED,
      body: {
        commandId: result.commandId,
        status: 'pending',
        links: {
          command: `/commands/${result.commandId}`,
          ticket: ticketPath(processId, result.ticketId),
        },
      },
    };
  }
  return { status: HttpStatus.OK, body: answerOf(result.outcome, processes) };
}

export function answerOf(
  outcome: CommandOutcome,
  processes: ProcessCatalog,
): TicketAnswer {
  if (outcome.status === 'rejected') {
    throw new ApiError(
      outcome.httpStatus,
      outcome.error.code,
      outcome.error.message,
      outcome.error.details,
    );
  }
  const definition = processes.get(outcome.processId)?.definition;
  const unknown = { zh: '未知', en: 'Unknown' };
  const role = outcome.custody.role;
  const path = ticketPath(outcome.processId, outcome.ticketId);
  return {
    commandId: outcome.commandId,
    duplicate: outcome.duplicate,
    ticket: {
      id: outcome.ticketId,
      number: outcome.ticketNumber,
      process: outcome.processId,
      status: outcome.ticketStatus,
      statusLabel:
        (definition?.stateLabels as Record<string, Label> | undefined)?.[
          outcome.ticketStatus
        ] ?? unknown,
      holder: {
        role,
        roleLabel: role ? ROLES[role] : null,
        assigneeId: outcome.custody.assigneeId,
      },
      revision: outcome.revision,
    },
    events: outcome.events.map((e) => ({
      type: e.type,
      label:
        (definition?.eventLabels as Record<string, Label> | undefined)?.[
          e.type
        ] ?? unknown,
      revision: e.revision,
    })),
    links: {
      ticket: path,
      timeline: `${path}/timeline`,
      command: `/commands/${outcome.commandId}`,
    },
  };
}
