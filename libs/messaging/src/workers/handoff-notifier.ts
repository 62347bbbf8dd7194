import { TurnBatcher } from '@opsdesk/platform';
import type { Pool } from 'pg';
import { handoffJobId, type HandoffJob } from '../queues/jobs';

const COLUMNS = 8;

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
    const parameters: unknown[] = [];
    const tuples = batch.map(({ jobId, job, done }, index) => {
      parameters.push(
        jobId,
        job.ticketId,
        job.eventId,
        job.fromRole,
        job.toRole,
        job.assigneeId ?? null,
        job.status,
        done,
      );
      const first = index * COLUMNS;
      const placeholders = Array.from(
        { length: COLUMNS - 1 },
        (_, column) => `$${first + column + 1}`,
      );
      const done$ = `$${first + COLUMNS}`;
      return `(${placeholders.join(', ')}, CASE WHEN ${done$}::boolean THEN now() END)`;
    });
    // A repeat of a hand-off recorded before is new no longer, but one
    // that leaves no work behind is done now even if the earlier run
    // stopped before it was (xmax is 0 only on a row this statement
    // inserted, not on one it updated).
    const { rows } = await this.pool.query<{
      job_id: string;
      inserted: boolean;
    }>(
      `INSERT INTO handoff_notifications AS h (job_id, ticket_id, event_id,
         from_role, to_role, assignee_id, status, completed_at)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (job_id) DO UPDATE
         SET completed_at = coalesce(h.completed_at, EXCLUDED.completed_at)
       RETURNING job_id, (xmax = 0) AS inserted`,
      parameters,
    );
    const inserted = new Set(
      rows.filter((row) => row.inserted).map((row) => row.job_id),
    );
    return batch.map(({ jobId }) => inserted.has(jobId));
  }

  private async markDone(jobIds: string[]): Promise<void[]> {
    await this.pool.query(
      `UPDATE handoff_notifications SET completed_at = now()
        WHERE job_id = ANY($1) AND completed_at IS NULL`,
      [jobIds],
    );
    return jobIds.map(() => undefined);
  }
}

interface Recording {
  jobId: string;
  job: HandoffJob;
  /** Whether the hand-off leaves no work behind (done as it is recorded). */
  done: boolean;
}
