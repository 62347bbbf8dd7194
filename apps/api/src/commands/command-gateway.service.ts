import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { permissionOf, type Actor } from '@opsdesk/domain';
import {
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
      replyTo: this.replies.channel,
    };
    // Waited for before it is enqueued: a fast worker may answer at once.
    const reply = this.replies.expect(commandId, this.config.commandWaitMs);
    try {
      await this.queues.addCommand(role, envelope);
    } catch (error) {
      reply.cancel();
      throw error;
    }

    return this.answer(role, envelope, await reply.outcome);
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

  /**
   * The worker's reply; else what the ledger holds (the reply was lost,
   * or it went to another gateway that issued the same command first);
   * else the command is still running.
   */
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
      'command still running; answering 202',
    );
    return {
      state: 'pending',
      commandId: envelope.commandId,
      ticketId: envelope.ticketId,
    };
  }
}
