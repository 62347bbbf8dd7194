import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { permissionOf, type Actor } from '@opsdesk/domain';
import {
  commandJobId,
  isWorkerRole,
  replyChannelFor,
  ReplyListener,
  type CommandEnvelope,
  type CommandLedger,
  type CommandOutcome,
  type RoleQueueSet,
  type WorkerRole,
} from '@opsdesk/messaging';
import {
  createRedisClient,
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
import type { Pool } from 'pg';
import { ApiError } from '../http/api-error';
import { IdempotencyKeys } from './idempotency-keys';
import { awaitOutcome, type Look } from './outcome-wait';

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
  private readonly replies: ReplyListener;
  private readonly keys: IdempotencyKeys;

  constructor(
    @Inject(CONFIG) private readonly config: OpsdeskConfig,
    @Inject(ROLE_QUEUES) private readonly queues: RoleQueueSet,
    @Inject(COMMAND_LEDGER) private readonly ledger: CommandLedger,
    @Inject(PG_POOL) pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.keys = new IdempotencyKeys(pool);
    this.replies = new ReplyListener(
      createRedisClient(config),
      replyChannelFor(config.queuePrefix, uuidv7()),
      logger,
    );
  }

  async onModuleInit(): Promise<void> {
    await this.replies.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replies.close();
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
    // Waited for from here on: a repeat's first run may reply while the
    // ledger is read, and a fast worker as soon as the job is enqueued.
    const reply = this.replies.expect(commandId, this.config.commandWaitMs);
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
      replyTo: this.replies.channel,
    };
    try {
      const known = await this.ledger.find(commandId);
      if (known) {
        reply.cancel();
        return { state: 'done', outcome: known };
      }
      await this.queues.addCommand(role, envelope);
    } catch (error) {
      reply.cancel();
      throw error;
    }

    const outcome = await awaitOutcome(
      reply,
      () => this.look(role, envelope),
      this.config.commandLookMs,
    );
    return this.answer(role, envelope, outcome);
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

  /** What the ledger holds for the command, else whether its job is over. */
  private async look(
    role: WorkerRole,
    envelope: CommandEnvelope,
  ): Promise<Look> {
    const recorded = await this.ledger.find(envelope.commandId);
    if (recorded) return recorded;
    const job = commandJobId(envelope);
    const state = await this.queues.queue(role).getJobState(job);
    return state === 'failed' ? 'failed for good' : undefined;
  }

  /** The outcome waited for; else the ledger's (it may have come since). */
  private async answer(
    role: WorkerRole,
    envelope: CommandEnvelope,
    replied: CommandOutcome | undefined,
  ): Promise<IssueResult> {
    if (replied) return { state: 'done', outcome: replied };
    const recorded = await this.ledger.find(envelope.commandId);
    if (recorded) return { state: 'done', outcome: recorded };
    this.logger.info(
      { commandId: envelope.commandId, queue: role },
      'no outcome yet; answering 202',
    );
    return {
      state: 'pending',
      commandId: envelope.commandId,
      ticketId: envelope.ticketId,
    };
  }
}
