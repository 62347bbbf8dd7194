import { DomainError, streamNameOf } from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import { LogFields, type Logger } from '@opsdesk/platform';
import {
  UnrecoverableError,
  Worker,
  type ConnectionOptions,
  type Job,
} from 'bullmq';
import type { AutomaticWork } from '../automation/automatic-work';
import { WrongQueueError } from '../commands/command-errors';
import { fold, type CommandExecutor } from '../commands/command-executor';
import type { CommandLedger } from '../commands/command-ledger';
import type {
  AcceptedOutcome,
  RejectedOutcome,
} from '../commands/command-outcome';
import type { ProcessCatalog } from '../commands/process-catalog';
import type { CommandEnvelope, HandoffJob, RoleJob } from '../queues/jobs';
import { queuePrefixFor, type WorkerRole } from '../queues/role-queues';
import type { HandoffNotifier } from './handoff-notifier';

export interface RoleWorkerDeps {
  store: EventStore;
  processes: ProcessCatalog;
  executor: CommandExecutor;
  ledger: CommandLedger;
  notifier: HandoffNotifier;
  /** Automatic work per process id. */
  automation: ReadonlyMap<string, AutomaticWork>;
  logger: Logger;
}

export interface RoleWorkerOptions {
  role: WorkerRole;
  connection: ConnectionOptions;
  basePrefix: string;
  concurrency?: number;
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
      (job) => this.process(job),
      {
        connection,
        prefix: queuePrefixFor(basePrefix, role),
        concurrency: concurrency ?? 4,
      },
    );
    this.worker.on('error', (err) =>
      this.deps.logger.error({ err, queue: role }, 'worker connection error'),
    );
  }

  /** Stop taking jobs, give running ones `timeoutMs`, then close. */
  async close(timeoutMs = 10_000): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    let timer: NodeJS.Timeout | undefined;
    const graceful = worker.close();
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    const result = await Promise.race([graceful, expired]);
    clearTimeout(timer);
    if (result === 'expired') {
      this.deps.logger.warn(
        { queue: this.role, timeoutMs },
        'running jobs did not finish in time; closing anyway',
      );
      await worker.close(true);
    }
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
        throw new WrongQueueError(this.role, command.actor.role);
      }

      const outcome = await this.deps.executor.execute(command);

      await this.deps.ledger.record(outcome);
      log.debug(
        { [LogFields.commandId]: command.commandId, type: command.type },
        outcome.duplicate ? 'command already applied' : 'command applied',
      );
      return outcome;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const rejected = rejectionOf(command, error);
      await this.deps.ledger.record(rejected);
      log.info(
        { [LogFields.commandId]: command.commandId, code: error.code },
        'command rejected',
      );
      throw new UnrecoverableError(JSON.stringify(rejected.error));
    }
  }

  private async runHandoff(job: HandoffJob, log: Logger) {
    const isNew = await this.deps.notifier.record(job);
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

    const work = this.deps.automation.get(job.processId);
    const process = this.deps.processes.get(job.processId);
    if (work && process) {
      // Re-read the ticket: the hand-off may be old news by now.
      const history = await this.deps.store.readStream(
        streamNameOf(job.processId, job.ticketId),
      );
      const command = await work(job, fold(process, history));
      if (command) await this.runAutomatic(command, log);
    }
    return { handoff: isNew ? ('recorded' as const) : ('repeated' as const) };
  }

  private async runAutomatic(command: CommandEnvelope, log: Logger) {
    try {
      const outcome = await this.deps.executor.execute(command);
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
