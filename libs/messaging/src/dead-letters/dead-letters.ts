import type { Job } from 'bullmq';
import type { RoleJob } from '../queues/jobs';
import type { RoleQueueSet } from '../queues/role-queue-set';
import {
  isWorkerRole,
  WORKER_ROLES,
  type WorkerRole,
} from '../queues/role-queues';
import {
  DeadLetterNotFoundError,
  NotADeadLetterError,
  RejectedCommandError,
  UnknownQueueError,
} from './dead-letter.errors';

/**
 * Why a job ended in the failed set: it used up its attempts, it lost its
 * lock more often than allowed (its workers kept dying on it), or the
 * domain rejected its command (answered to the caller and recorded in the
 * ledger; listed only on request, since retrying it fails the same way
 * unless the rules were fixed).
 */
export type FailureKind = 'exhausted' | 'stalled' | 'rejected';

/** A failed job as an operator sees it. */
export interface DeadLetter {
  queue: WorkerRole;
  jobId: string;
  name: string;
  kind: FailureKind;
  /** The last error, as the worker reported it. */
  error: string;
  attemptsMade: number;
  attempts: number;
  failedAt: string | null;
  ticketId: string;
  job: RoleJob;
}

export interface DeadLetterQuery {
  queue?: string;
  includeRejected?: boolean;
  /** Per queue, newest first. */
  limit?: number;
}

// BullMQ's own reason when a job exceeded `maxStalledCount`.
const STALLED_REASON = 'job stalled more than allowable limit';

/**
 * The dead-letter list: jobs of the role queues that failed for good.
 * They stay in BullMQ's failed set (`removeOnFail: false`) until an
 * operator retries them, e.g. after a fix; a retry starts the job's
 * attempts afresh under its own id, and the workers' idempotency makes a
 * retry of a job that did half its work safe.
 */
export class DeadLetters {
  constructor(private readonly queues: RoleQueueSet) {}

  async list(query: DeadLetterQuery = {}): Promise<DeadLetter[]> {
    const roles = query.queue ? [this.roleOf(query.queue)] : WORKER_ROLES;
    const limit = query.limit ?? 100;
    const found = await Promise.all(
      roles.map(async (role) => {
        const jobs = await this.queues.queue(role).getFailed(0, limit - 1);
        return jobs.map((job) => toDeadLetter(role, job));
      }),
    );
    return found
      .flat()
      .filter((letter) => query.includeRejected || letter.kind !== 'rejected');
  }

  /** One failed job; null when the queue holds no failed job by that id. */
  async find(queue: string, jobId: string): Promise<DeadLetter | null> {
    const role = this.roleOf(queue);
    const job = await this.queues.queue(role).getJob(jobId);
    if (!job || (await job.getState()) !== 'failed') return null;
    return toDeadLetter(role, job);
  }

  /**
   * Moves a failed job back to waiting with its attempts reset; never a
   * command the domain refused (see RejectedCommandError).
   */
  async retry(queue: string, jobId: string): Promise<DeadLetter> {
    const role = this.roleOf(queue);
    const job = await this.queues.queue(role).getJob(jobId);
    if (!job) throw new DeadLetterNotFoundError(queue, jobId);
    const state = await job.getState();
    if (state !== 'failed') throw new NotADeadLetterError(queue, jobId, state);
    const letter = toDeadLetter(role, job);
    if (letter.kind === 'rejected') {
      throw new RejectedCommandError(queue, jobId);
    }
    await job.retry('failed', {
      resetAttemptsMade: true,
      resetAttemptsStarted: true,
    });
    return letter;
  }

  private roleOf(queue: string): WorkerRole {
    if (!isWorkerRole(queue)) throw new UnknownQueueError(queue);
    return queue;
  }
}

function toDeadLetter(role: WorkerRole, job: Job<RoleJob>): DeadLetter {
  const data = job.data;
  return {
    queue: role,
    jobId: job.id ?? '',
    name: job.name,
    kind: kindOf(job),
    error: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    ticketId: data.kind === 'command' ? data.command.ticketId : data.ticketId,
    job: data,
  };
}

function kindOf(job: Job<RoleJob>): FailureKind {
  if (job.failedReason === STALLED_REASON) return 'stalled';
  // A rejection fails with the rejection itself, as JSON with a code.
  try {
    const parsed = JSON.parse(job.failedReason ?? '') as { code?: unknown };
    if (typeof parsed.code === 'string') return 'rejected';
  } catch {
    // Not JSON: an ordinary error message.
  }
  return 'exhausted';
}
