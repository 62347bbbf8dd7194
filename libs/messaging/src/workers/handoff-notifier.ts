import { prepared, TurnBatcher } from '@opsdesk/platform';
import type { Pool } from 'pg';
import { handoffJobId, type HandoffJob } from '../queues/jobs';

/**
 * Each column as an array, so one prepared statement takes a batch of any
 * size. A repeat of a hand-off recorded before is new no longer, but one
 * that leaves no work behind is done now even if the earlier run stopped
 * before it was (xmax is 0 only on a row this statement inserted, not on
 * one it updated).
 */
const RECORD_HANDOFFS = prepared(
  `INSERT INTO handoff_notifications AS h (job_id, ticket_id, event_id,
     from_role, to_role, assignee_id, status, completed_at)
   SELECT job_id, ticket_id, event_id, from_role, to_role, assignee_id,
          status, CASE WHEN done THEN now() END
     FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[],
                 $6::text[], $7::text[], $8::boolean[])
          AS r(job_id, ticket_id, event_id, from_role, to_role, assignee_id,
               status, done)
   ON CONFLICT (job_id) DO UPDATE
     SET completed_at = coalesce(h.completed_at, EXCLUDED.completed_at)
   RETURNING job_id, (xmax = 0) AS inserted`,
);

const MARK_DONE = prepared(
  `UPDATE handoff_notifications SET completed_at = now()
    WHERE job_id = ANY($1) AND completed_at IS NULL`,
);

/**
 * Records that a role was told of a ticket it now holds. The job id is
 * the key, so a hand-off delivered twice is recorded (and announced) once.
 * `completed_at` is set once the role's automatic work for it is done too.
 * Hand-offs recorded together go in one statement.
 */
export class HandoffNotifier {
  private readonly records: TurnBatcher<Recording, boolean>;
  private readonly completions: TurnBatcher<string, void>;

  constructor(private readonly pool: Pool) {
    this.records = new TurnBatcher((batch) => this.insert(batch), {
      maxSize: 200,
      maxRuns: 2,
      canJoin: (taken, next) => taken.every((t) => t.jobId !== next.jobId),
    });
    this.completions = new TurnBatcher((jobIds) => this.markDone(jobIds), {
      maxSize: 200,
      maxRuns: 2,
    });
  }

  /** True when this hand-off is new; false when it was already recorded. */
  record(job: HandoffJob): Promise<boolean> {
    return this.records.submit({ jobId: handoffJobId(job), job, done: false });
  }

  /**
   * Records a hand-off that leaves no work behind, as recorded and done
   * at once; true when it is new.
   */
  recordDone(job: HandoffJob): Promise<boolean> {
    return this.records.submit({ jobId: handoffJobId(job), job, done: true });
  }

  /** Marks the hand-off done: told, and its automatic work finished. */
  complete(job: HandoffJob): Promise<void> {
    return this.completions.submit(handoffJobId(job));
  }

  private async insert(batch: Recording[]): Promise<boolean[]> {
    const { rows } = await this.pool.query<{
      job_id: string;
      inserted: boolean;
    }>(
      RECORD_HANDOFFS([
        batch.map((r) => r.jobId),
        batch.map((r) => r.job.ticketId),
        batch.map((r) => r.job.eventId),
        batch.map((r) => r.job.fromRole),
        batch.map((r) => r.job.toRole),
        batch.map((r) => r.job.assigneeId ?? null),
        batch.map((r) => r.job.status),
        batch.map((r) => r.done),
      ]),
    );
    const inserted = new Set(
      rows.filter((row) => row.inserted).map((row) => row.job_id),
    );
    return batch.map(({ jobId }) => inserted.has(jobId));
  }

  private async markDone(jobIds: string[]): Promise<void[]> {
    await this.pool.query(MARK_DONE([jobIds]));
    return jobIds.map(() => undefined);
  }
}

interface Recording {
  jobId: string;
  job: HandoffJob;
  /** Whether the hand-off leaves no work behind (done as it is recorded). */
  done: boolean;
}
