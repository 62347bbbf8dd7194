import type { Pool } from 'pg';
import { changedHands, handoffFor } from '../process-manager/handoff-for';
import { handoffJobId, type HandoffJob } from '../queues/jobs';
import type { RoleQueueSet } from '../queues/role-queue-set';
import type { ExpectedJob, ExpectedJobSource } from './expected-job';

/**
 * The hand-off the latest change of custody implies: the job the process
 * manager made for it, until the new holder's worker has finished it
 * (`handoff_notifications.completed_at`). Earlier hand-offs of the ticket
 * are moot; a ticket that went to nobody, or to a role without a worker,
 * expects none.
 */
export function handoffExpectations(
  queues: RoleQueueSet,
  pool: Pool,
): ExpectedJobSource<{ job: HandoffJob; at: string }> {
  return {
    name: 'handoff',

    step(memo, change) {
      const { process, event, before, after } = change;
      const job = handoffFor(process, event, before, after);
      if (job) return { job, at: event.recordedAt };
      const moved = changedHands(
        process.definition.custody(before),
        process.definition.custody(after),
      );
      return moved ? undefined : memo;
    },

    expected(memo): ExpectedJob[] {
      if (!memo) return [];
      const { job, at } = memo;
      return [
        {
          source: 'handoff',
          role: job.toRole,
          jobId: handoffJobId(job),
          ticketId: job.ticketId,
          dueSince: at,
          enqueue: () => queues.addHandoff(job),
        },
      ];
    },

    async done(jobs) {
      if (jobs.length === 0) return new Set();
      const { rows } = await pool.query<{ job_id: string }>(
        `SELECT job_id FROM handoff_notifications
          WHERE job_id = ANY($1::text[]) AND completed_at IS NOT NULL`,
        [jobs.map((j) => j.jobId)],
      );
      return new Set(rows.map((r) => r.job_id));
    },
  };
}
