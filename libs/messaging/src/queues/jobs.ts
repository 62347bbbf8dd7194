import type { Actor } from '@opsdesk/domain';
import type { WorkerRole } from './role-queues';

/** A command for one ticket, as it travels on a role's queue. */
export interface CommandEnvelope {
  commandId: string;
  processId: string;
  ticketId: string;
  type: string;
  payload: Record<string, unknown>;
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** When the command was issued, ISO-8601 UTC. */
  issuedAt: string;
  /**
   * The gateway made up this ticket's id for this command: its stream is
   * new, so the worker decides without reading it. A hint only: a job
   * run again finds the stream its first run wrote when it appends.
   */
  opensTicket?: boolean;
  /**
   * The channel of the gateway waiting for this command's outcome (see
   * `ReplyListener`); absent when nobody waits on it.
   */
  replyTo?: string;
}

export interface CommandJob {
  kind: 'command';
  command: CommandEnvelope;
}

/**
 * Written by the process manager when a ticket changes hands: the new
 * holder is told, and does whatever automatic work its role has.
 */
export interface HandoffJob {
  kind: 'handoff';
  processId: string;
  ticketId: string;
  streamName: string;
  eventId: string;
  eventType: string;
  revision: number;
  fromRole: string | null;
  toRole: WorkerRole;
  assigneeId?: string;
  status: string;
  correlationId: string;
}

export type RoleJob = CommandJob | HandoffJob;

/** BullMQ forbids ':' in custom job ids, so the parts are joined by '.'. */
export function handoffJobId(job: HandoffJob): string {
  return ['handoff', job.toRole, job.ticketId, job.eventId].join('.');
}

export function commandJobId(command: CommandEnvelope): string {
  return `command.${command.commandId}`;
}
