import { hostname } from 'node:os';
import { DomainError, permissionOf, streamNameOf } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import {
  awaitFaultPoint,
  faultPoint,
  LogFields,
  type Logger,
} from '@opsdesk/platform';
import {
  Job,
  Queue,
  UnrecoverableError,
  Worker,
  type ConnectionOptions,
} from 'bullmq';
import {
  automaticWorkFor,
  type AutomaticWork,
} from '../automation/automatic-work';
import { WrongQueueError } from '../commands/command-errors';
import { fold, type CommandExecutor } from '../commands/command-executor';
import type { CommandLedger } from '../commands/command-ledger';
import type { StreamHistories } from '../commands/stream-histories';
import type {
  AcceptedOutcome,
  RejectedOutcome,
} from '../commands/command-outcome';
import type { ProcessCatalog } from '../commands/process-catalog';
import { latestHandoff } from '../process-manager/handoff-for';
import { replyIfAwaited, type ReplyPublisher } from '../replies/command-reply';
import type { CommandEnvelope, HandoffJob, RoleJob } from '../queues/jobs';
import { logQueueErrors } from '../queues/queue-errors';
import { queuePrefixFor, type WorkerRole } from '../queues/role-queues';
import type { HandoffNotifier } from './handoff-notifier';
import type { JobMetrics } from './job-metrics';

export interface RoleWorkerDeps {
  processes: ProcessCatalog;
  /** Where hand-offs read the ticket's stream (shared with the executor). */
  histories: StreamHistories;
  executor: CommandExecutor;
  ledger: CommandLedger;
  notifier: HandoffNotifier;
  /** Sends outcomes to the gateways waiting on them (`replyTo`). */
  replies: ReplyPublisher;
  /** Automatic work per process id. */
  automation: ReadonlyMap<string, AutomaticWork>;
  logger: Logger;
  /** Counts what the worker finished, for `/metrics` (none by default). */
  metrics?: JobMetrics;
}

export interface RoleWorkerOptions {
  role: WorkerRole;
  connection: ConnectionOptions;
  basePrefix: string;
  concurrency?: number;
  /** How long a job's lock lasts unless renewed (BullMQ `lockDuration`). */
  lockDuration?: number;
  /** How often lapsed locks are looked for (BullMQ `stalledInterval`). */
  stalledInterval?: number;
  /**
   * How often a job may lose its lock (its worker died or froze) and be
   * run again before it is failed. Every job here is idempotent, so a
   * rerun is safe; the bound only stops a job that kills every worker.
   */
  maxStalledCount?: number;
}

export type JobResult = AcceptedOutcome | { handoff: 'recorded' | 'repeated' };

/**
 * One role's worker: executes the commands people of that role issue and
 * the role's automatic work on hand-offs. A rejected command fails the
 * job at once (retrying cannot help); anything else is transient and
 * BullMQ retries it with backoff.
 */
export class RoleWorker {
  private worker?: Worker<RoleJob, JobResult>;
  /** Jobs this process is running now, with their lock tokens. */
  private readonly running = new Map<
    string,
    { job: Job<RoleJob, JobResult>; token: string }
  >();

  constructor(
    private readonly options: RoleWorkerOptions,
    private readonly deps: RoleWorkerDeps,
  ) {}

  get role(): WorkerRole {
    return this.options.role;
  }

  start(): void {
    const { role, connection, basePrefix, concurrency } = this.options;
    this.worker = new Worker<RoleJob, JobResult>(
      role,
      (job, token) => this.track(job, token),
      {
        connection,
        prefix: queuePrefixFor(basePrefix, role),
        // Recorded on each job it runs (`processedBy`, shown on the board).
        name: `${role}@${hostname()}/${process.pid}`,
        concurrency: concurrency ?? 4,
        // Absent settings must stay absent: BullMQ takes an explicit
        // undefined for a value and refuses it.
        ...definedOnly({
          lockDuration: this.options.lockDuration,
          stalledInterval: this.options.stalledInterval,
        }),
        maxStalledCount: this.options.maxStalledCount ?? 3,
      },
    );
    this.worker.on('completed', (job) => this.running.delete(job.id ?? ''));
    this.worker.on('failed', (job) => {
      if (job) this.running.delete(job.id ?? '');
    });
    this.deps.metrics?.watch(this.worker, role);
    this.worker.on('error', (err) =>
      this.deps.logger.error({ err, queue: role }, 'worker connection error'),
    );
    // Its worker died or froze past the lock: it runs again, here or
    // elsewhere, and its idempotency makes the second run harmless.
    this.worker.on('stalled', (jobId) =>
      this.deps.logger.warn(
        { [LogFields.queue]: role, [LogFields.jobId]: jobId },
        'job lock lapsed; running it again',
      ),
    );
  }

  /**
   * Stop taking jobs, give running ones `timeoutMs`, then close. Jobs
   * still running then go back to waiting, so another worker takes them
   * at once instead of after their lock lapses; nothing stays active.
   */
  async close(timeoutMs = 10_000): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    // Not `worker.close()` first: a forced close after a graceful one has
    // begun only waits for the graceful one, i.e. for the slow job.
    await worker.pause(true);
    if (await this.idleWithin(timeoutMs)) {
      await worker.close(true);
      return;
    }
    const abandoned = [...this.running.values()];
    this.deps.logger.warn(
      {
        queue: this.role,
        timeoutMs,
        jobIds: abandoned.map(({ job }) => job.id),
      },
      'running jobs did not finish in time; handing them back',
    );
    // Closed before the hand-back: a paused worker still completes the
    // fetch it has begun, and would take the handed-back job again.
    await worker.close(true);
    await this.handBack(abandoned);
  }

  /** Moves jobs this process gave up on back to waiting, on a connection of its own. */
  private async handBack(
    abandoned: { job: Job<RoleJob, JobResult>; token: string }[],
  ): Promise<void> {
    const { role, connection, basePrefix } = this.options;
    const queue = new Queue(role, {
      connection,
      prefix: queuePrefixFor(basePrefix, role),
    });
    logQueueErrors(queue, this.deps.logger);
    try {
      await Promise.all(
        abandoned.map(async ({ job, token }) => {
          try {
            const stored = await Job.fromId(queue, job.id ?? '');
            await stored?.moveToWait(token);
          } catch (err: unknown) {
            this.deps.logger.warn(
              { err, queue: role, jobId: job.id },
              'could not hand a job back; its lock will lapse',
            );
          }
        }),
      );
    } finally {
      await queue.close();
    }
  }

  /** True once no job runs here (finished and recorded), false at the bound. */
  private async idleWithin(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  private async track(
    job: Job<RoleJob, JobResult>,
    token: string | undefined,
  ): Promise<JobResult> {
    const key = job.id ?? '';
    if (token) this.running.set(key, { job, token });
    try {
      return await this.process(job);
    } finally {
      // BullMQ records the outcome after this returns ('completed' or
      // 'failed' ends the entry); this is the fallback if it cannot.
      setTimeout(() => this.settled(key, token), 2000).unref();
    }
  }

  private settled(key: string, token: string | undefined): void {
    if (this.running.get(key)?.token === token) this.running.delete(key);
  }

  private async process(job: Job<RoleJob, JobResult>): Promise<JobResult> {
    const data = job.data;
    const log = this.deps.logger.child({
      [LogFields.queue]: this.role,
      [LogFields.jobId]: job.id,
      [LogFields.attempt]: job.attemptsMade + 1,
      [LogFields.ticketId]:
        data.kind === 'command' ? data.command.ticketId : data.ticketId,
      [LogFields.correlationId]:
        data.kind === 'command'
          ? data.command.correlationId
          : data.correlationId,
    });
    if (data.kind === 'command') return this.runCommand(data.command, log);
    return this.runHandoff(data, log);
  }

  private async runCommand(
    command: CommandEnvelope,
    log: Logger,
  ): Promise<AcceptedOutcome> {
    try {
      if (command.actor.role !== this.role) {
        throw new WrongQueueError(
          this.role,
          command.actor.role,
          permissionOf(command.processId, command.type),
        );
      }
      await awaitFaultPoint('role-worker:before-execute');

      const outcome = await this.deps.executor.execute(command);
      faultPoint('role-worker:after-append');

      await this.deps.ledger.record(outcome);
      replyIfAwaited(this.deps.replies, command, outcome, log);
      log.debug(
        { [LogFields.commandId]: command.commandId, type: command.type },
        outcome.duplicate ? 'command already applied' : 'command applied',
      );
      return outcome;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const rejected = rejectionOf(command, error);
      await this.deps.ledger.record(rejected);
      replyIfAwaited(this.deps.replies, command, rejected, log);
      log.info(
        { [LogFields.commandId]: command.commandId, code: error.code },
        'command rejected',
      );
      throw new UnrecoverableError(JSON.stringify(rejected.error));
    }
  }

  private async runHandoff(job: HandoffJob, log: Logger) {
    const work = automaticWorkFor(this.deps.automation, job);
    const process = this.deps.processes.get(job.processId);
    const automatic = Boolean(work && process);
    // Nothing to do after the telling (a person acts next): recorded and
    // done in one step, without reading the ticket.
    const isNew = automatic
      ? await this.deps.notifier.record(job)
      : await this.deps.notifier.recordDone(job);
    if (isNew) {
      log.info(
        {
          [LogFields.fromRole]: job.fromRole,
          [LogFields.toRole]: job.toRole,
          assigneeId: job.assigneeId,
          status: job.status,
        },
        'ticket changed hands',
      );
    }
    faultPoint('role-worker:after-notify');

    if (work && process) {
      // The hand-off may be old news by now. Only the hand-off of the
      // latest change of custody acts; an older one (a redelivery, a
      // replay) would issue the current step under an id of its own, so
      // whether that or the current one won would be chance.
      const { history, guessed } = await this.historySince(job);
      const isLatest = (events: readonly RecordedEvent[]) =>
        latestHandoff(process, events)?.eventId === job.eventId;
      if (isLatest(history)) {
        const command = await work.next(job, fold(process, history));
        // A guess is left to the executor, which guesses again (the same
        // history or newer) and reads before taking a refusal as final.
        const read = guessed ? undefined : history;
        if (command) await this.runAutomatic(command, isLatest, read, log);
      } else {
        log.debug(
          {
            eventId: job.eventId,
            currentEventId: latestHandoff(process, history)?.eventId,
          },
          'hand-off superseded; no automatic work',
        );
      }
    }
    // Only now is the hand-off done: the reconciler re-enqueues one whose
    // job Redis lost before this point.
    if (automatic) await this.deps.notifier.complete(job);
    return { handoff: isNew ? ('recorded' as const) : ('repeated' as const) };
  }

  /**
   * The ticket's history as far as the hand-off's event at least: the
   * one the log feed holds if it has got there, else a read.
   */
  private async historySince(
    job: HandoffJob,
  ): Promise<{ history: readonly RecordedEvent[]; guessed: boolean }> {
    const stream = streamNameOf(job.processId, job.ticketId);
    const held = this.deps.histories.guess(stream);
    if (held?.some((event) => event.eventId === job.eventId)) {
      return { history: held, guessed: true };
    }
    return { history: await this.deps.histories.read(stream), guessed: false };
  }

  private async runAutomatic(
    command: CommandEnvelope,
    isLatest: (history: readonly RecordedEvent[]) => boolean,
    read: readonly RecordedEvent[] | undefined,
    log: Logger,
  ) {
    try {
      // Should the ticket have moved since, it is read again and the step
      // taken only if the hand-off is still the latest.
      const outcome = await this.deps.executor.executeWhen(
        command,
        isLatest,
        read,
      );
      if (!outcome) {
        log.debug(
          { eventId: command.causationId },
          'hand-off superseded; no automatic work',
        );
        return;
      }
      await this.deps.ledger.record(outcome);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Someone moved the ticket first; the automatic step is moot.
      log.warn(
        { [LogFields.commandId]: command.commandId, code: error.code },
        'automatic step not applied',
      );
    }
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function rejectionOf(
  command: CommandEnvelope,
  error: DomainError,
): RejectedOutcome {
  return {
    status: 'rejected',
    commandId: command.commandId,
    processId: command.processId,
    ticketId: command.ticketId,
    httpStatus: error.httpStatus,
    error: {
      code: error.code,
      message: error.message,
      details: error.details(),
    },
  };
}
