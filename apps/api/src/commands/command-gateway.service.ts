import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { permissionOf, type Actor } from '@opsdesk/domain';
import {
  isWorkerRole,
  WORKER_ROLES,
  type CommandEnvelope,
  type CommandLedger,
  type CommandOutcome,
  type RoleQueueSet,
  type WorkerRole,
} from '@opsdesk/messaging';
import {
  bullConnection,
  uuidv7,
  type Logger,
  type OpsdeskConfig,
} from '@opsdesk/platform';
import {
  COMMAND_LEDGER,
  CONFIG,
  LOGGER,
  PG_POOL,
  ROLE_QUEUES,
} from '@opsdesk/runtime';
import { QueueEvents } from 'bullmq';
import type { Pool } from 'pg';
import { ApiError } from '../http/api-error';
import { IdempotencyKeys } from './idempotency-keys';

export interface IssueCommand {
  processId: string;
  /** Omitted for an intake: a new time-ordered id is made. */
  ticketId?: string;
  type: string;
  payload: Record<string, unknown>;
  actor: Actor;
  /** The `Idempotency-Key` and the request as received, to fingerprint it. */
  idempotency?: { key: string; request: unknown };
}

export type IssueResult =
  | { state: 'done'; outcome: CommandOutcome }
  | { state: 'pending'; commandId: string; ticketId: string };

/**
 * Puts a command on its role's queue and waits briefly for the worker's
 * answer. The API never decides or appends itself.
 */
@Injectable()
export class CommandGateway implements OnModuleInit, OnApplicationShutdown {
  private readonly events = new Map<WorkerRole, QueueEvents>();
  private readonly keys: IdempotencyKeys;

  constructor(
    @Inject(CONFIG) private readonly config: OpsdeskConfig,
    @Inject(ROLE_QUEUES) private readonly queues: RoleQueueSet,
    @Inject(COMMAND_LEDGER) private readonly ledger: CommandLedger,
    @Inject(PG_POOL) pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.keys = new IdempotencyKeys(pool);
  }

  async onModuleInit(): Promise<void> {
    const connection = bullConnection(this.config);
    for (const role of WORKER_ROLES) {
      const events = new QueueEvents(role, {
        connection,
        prefix: this.queues.prefixOf(role),
      });
      events.on('error', (err) =>
        this.logger.error({ err, queue: role }, 'queue events error'),
      );
      this.events.set(role, events);
    }
    await Promise.all([...this.events.values()].map((e) => e.waitUntilReady()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.events.values()].map((e) => e.close()));
  }

  async issue(request: IssueCommand): Promise<IssueResult> {
    const role = request.actor.role;
    if (!isWorkerRole(role)) {
      throw new ApiError(
        403,
        'ROLE_NOT_PERMITTED',
        `Role ${role} issues no commands`,
        {
          role,
          command: request.type,
          permission: permissionOf(request.processId, request.type),
        },
      );
    }

    const { commandId, ticketId, opensTicket } = await this.identify(request);
    const known = await this.ledger.find(commandId);
    if (known) return { state: 'done', outcome: known };

    const envelope: CommandEnvelope = {
      commandId,
      processId: request.processId,
      ticketId,
      type: request.type,
      payload: request.payload,
      actor: request.actor,
      correlationId: commandId,
      causationId: commandId,
      issuedAt: new Date().toISOString(),
      ...(opensTicket ? { opensTicket } : {}),
    };
    const job = await this.queues.addCommand(role, envelope);

    return this.waitFor(role, job, envelope);
  }

  async status(commandId: string): Promise<CommandOutcome | null> {
    return this.ledger.find(commandId);
  }

  private async identify(request: IssueCommand) {
    const proposed = {
      commandId: uuidv7(),
      ticketId: request.ticketId ?? uuidv7(),
    };
    const minted = request.ticketId === undefined;
    if (!request.idempotency) return { ...proposed, opensTicket: minted };
    const { key, request: received } = request.idempotency;
    const claimed = await this.keys.claim(
      key,
      {
        processId: request.processId,
        ticketId: request.ticketId ?? null,
        type: request.type,
        actor: request.actor,
        received,
      },
      proposed,
    );
    // A repeated request gets its first ids back: its ticket may exist.
    const fresh = claimed.commandId === proposed.commandId;
    return { ...claimed, opensTicket: minted && fresh };
  }

  private async waitFor(
    role: WorkerRole,
    job: Awaited<ReturnType<RoleQueueSet['addCommand']>>,
    envelope: CommandEnvelope,
  ): Promise<IssueResult> {
    const events = this.events.get(role);
    if (!events) throw new Error(`No queue events for ${role}`);
    try {
      const outcome = (await job.waitUntilFinished(
        events,
        this.config.commandWaitMs,
      )) as CommandOutcome;
      return { state: 'done', outcome };
    } catch (error) {
      // A rejection is recorded in the ledger before the job fails; a
      // timeout leaves nothing there yet.
      const recorded = await this.ledger.find(envelope.commandId);
      if (recorded) return { state: 'done', outcome: recorded };
      this.logger.info(
        { commandId: envelope.commandId, queue: role, reason: String(error) },
        'command still running; answering 202',
      );
      return {
        state: 'pending',
        commandId: envelope.commandId,
        ticketId: envelope.ticketId,
      };
    }
  }
}
