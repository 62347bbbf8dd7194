import type { CommandEnvelope, HandoffJob } from '../queues/jobs';

/**
 * The automatic work of one process: the roles that do some, and, given
 * a hand-off to one of them and the ticket's current state (re-read from
 * the log), the command to issue, or null when a person must act.
 */
export interface AutomaticWork {
  /**
   * The roles whose hand-offs can lead to automatic work. Most hand-offs
   * go to people; reading each of their tickets again only to find
   * nothing to do cost a log read and a second write per hand-off.
   */
  readonly roles: readonly string[];
  next(
    job: HandoffJob,
    state: { status: string },
  ): Promise<CommandEnvelope | null>;
}

/**
 * The work a hand-off may lead to, judged on the job alone; none when the
 * process has no automation or none for the receiving role.
 */
export function automaticWorkFor(
  automation: ReadonlyMap<string, AutomaticWork>,
  job: HandoffJob,
): AutomaticWork | undefined {
  const work = automation.get(job.processId);
  return work?.roles.includes(job.toRole) ? work : undefined;
}
