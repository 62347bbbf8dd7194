import type { Custody } from '@opsdesk/domain';

/** What a command did, as the API answers it. */
export interface AcceptedOutcome {
  status: 'accepted';
  commandId: string;
  processId: string;
  ticketId: string;
  ticketNumber?: string;
  ticketStatus: string;
  custody: Custody;
  revision: number;
  events: { eventId: string; type: string; revision: number }[];
  /** True when this command had already been applied: nothing new was written. */
  duplicate: boolean;
}

export interface RejectedOutcome {
  status: 'rejected';
  commandId: string;
  processId: string;
  ticketId: string;
  httpStatus: number;
  error: { code: string; message: string; details: Record<string, unknown> };
}

export type CommandOutcome = AcceptedOutcome | RejectedOutcome;
