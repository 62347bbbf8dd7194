import type { CommandEnvelope, HandoffJob } from '../queues/jobs';

/**
 * The automatic work a role does when it receives a ticket: given the
 * hand-off and the ticket's current state (re-read from the log), the
 * command to issue, or null when a person must act.
 */
export type AutomaticWork = (
  job: HandoffJob,
  state: { status: string },
) => Promise<CommandEnvelope | null>;
