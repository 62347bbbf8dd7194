import type { Pool } from 'pg';
import { handoffJobId, type HandoffJob } from '../queues/jobs';

/**
 * Records that a role was told of a ticket it now holds. The job id is
 * the key, so a hand-off delivered twice is recorded (and announced) once.
 * `completed_at` is set once the role's automatic work for it is done too.
 */
export class HandoffNotifier {
  constructor(private readonly pool: Pool) {}

  /** True when this hand-off is new; false when it was already recorded. */
  async record(job: HandoffJob): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO handoff_notifications
         (job_id, ticket_id, event_id, from_role, to_role, assignee_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (job_id) DO NOTHING`,
      [
        handoffJobId(job),
        job.ticketId,
        job.eventId,
        job.fromRole,
        job.toRole,
        job.assigneeId ?? null,
        job.status,
      ],
    );
    return rowCount === 1;
  }

  /** Marks the hand-off done: told, and its automatic work finished. */
  async complete(job: HandoffJob): Promise<void> {
    await this.pool.query(
      `UPDATE handoff_notifications SET completed_at = now()
        WHERE job_id = $1 AND completed_at IS NULL`,
      [handoffJobId(job)],
    );
  }
}
