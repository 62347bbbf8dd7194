import type { Logger } from '@opsdesk/platform';
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import {
  commandJobId,
  handoffJobId,
  type CommandEnvelope,
  type HandoffJob,
  type RoleJob,
} from './jobs';
import { logQueueErrors } from './queue-errors';
import { queuePrefixFor, WORKER_ROLES, type WorkerRole } from './role-queues';

const COMMAND_JOB: JobsOptions = {
  // About two minutes of retries in all: enough to ride out a PostgreSQL
  // restart or failover without the command ending as a dead letter.
  attempts: 10,
  backoff: { type: 'exponential', delay: 250 },
  removeOnComplete: { age: 3600, count: 5000 },
  // Failed jobs stay: an exhausted one is a dead letter an operator replays.
  removeOnFail: false,
};

const HANDOFF_JOB: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 20000 },
  removeOnFail: false,
};

/**
 * Producers for every role's queue. A role's queue (and its connection to
 * Redis) is opened the first time something is sent to it: a process
 * that never enqueues (the projection thread) or sends to a few roles
 * holds no idle connection for the others.
 */
export class RoleQueueSet {
  private readonly queues = new Map<WorkerRole, Queue<RoleJob>>();
  private closed = false;

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly basePrefix: string,
    /** Where the queues' connection errors go (see logQueueErrors). */
    private readonly logger: Logger,
  ) {}

  queue(role: WorkerRole): Queue<RoleJob> {
    const open = this.queues.get(role);
    if (open) return open;
    if (!WORKER_ROLES.includes(role)) {
      throw new Error(`No queue for role ${role}`);
    }
    if (this.closed) throw new Error('The role queues are closed');
    const queue = new Queue<RoleJob>(role, {
      connection: this.connection,
      prefix: queuePrefixFor(this.basePrefix, role),
    });
    logQueueErrors(queue, this.logger);
    this.queues.set(role, queue);
    return queue;
  }

  async addCommand(role: WorkerRole, command: CommandEnvelope) {
    return this.queue(role).add(
      command.type,
      { kind: 'command', command },
      { ...COMMAND_JOB, jobId: commandJobId(command) },
    );
  }

  async addHandoff(job: HandoffJob) {
    return this.queue(job.toRole).add(job.eventType, job, {
      ...HANDOFF_JOB,
      jobId: handoffJobId(job),
    });
  }

  /** Several hand-offs, one round trip per role's queue. */
  async addHandoffs(jobs: readonly HandoffJob[]): Promise<void> {
    const byRole = new Map<WorkerRole, HandoffJob[]>();
    for (const job of jobs) {
      byRole.set(job.toRole, [...(byRole.get(job.toRole) ?? []), job]);
    }
    await Promise.all(
      [...byRole].map(([role, forRole]) =>
        this.queue(role).addBulk(
          forRole.map((job) => ({
            name: job.eventType,
            data: job,
            opts: { ...HANDOFF_JOB, jobId: handoffJobId(job) },
          })),
        ),
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
