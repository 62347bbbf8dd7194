import { closeRedisClient, type Logger } from '@opsdesk/platform';
import type { Cluster, Redis } from 'ioredis';
import type { CommandOutcome } from '../commands/command-outcome';
import { readReply } from './command-reply';

/** A command's reply, awaited; `cancel` when it is no longer wanted. */
export interface ExpectedReply {
  /** The outcome, or undefined once the wait has run out. */
  outcome: Promise<CommandOutcome | undefined>;
  cancel(): void;
}

type Settle = (outcome: CommandOutcome | undefined) => void;

/**
 * Hears the replies to one gateway's commands on its own channel. This
 * replaces a reader of every queue's job events: that read every event
 * of every job (several per job, and jobs the gateway never issued) to
 * find the few it waits on; a reply is one message, sent only for a
 * command somebody waits on, to that one gateway.
 *
 * Pub/sub keeps nothing: a reply sent while the connection is down is
 * lost. The caller also looks at the ledger, which holds every outcome,
 * so a lost reply only makes an answer later.
 */
export class ReplyListener {
  private readonly waiting = new Map<string, Set<Settle>>();

  constructor(
    private readonly subscriber: Redis | Cluster,
    readonly channel: string,
    private readonly logger: Logger,
  ) {}

  /** Subscribes; replies sent before this resolves are not heard. */
  async start(): Promise<void> {
    this.subscriber.on('error', (err: Error) =>
      this.logger.error(
        { err, channel: this.channel },
        'reply channel connection error',
      ),
    );
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    await this.subscriber.subscribe(this.channel);
  }

  /**
   * Waits up to `timeoutMs` for the reply to `commandId`. Call it before
   * the command is enqueued, so a fast worker's reply finds its waiter.
   */
  expect(commandId: string, timeoutMs: number): ExpectedReply {
    let settle!: Settle;
    const outcome = new Promise<CommandOutcome | undefined>((resolve) => {
      settle = resolve;
    });
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const done: Settle = (value) => {
      clearTimeout(timer);
      this.forget(commandId, done);
      settle(value);
    };
    const waiters = this.waiting.get(commandId) ?? new Set<Settle>();
    waiters.add(done);
    this.waiting.set(commandId, waiters);
    return { outcome, cancel: () => done(undefined) };
  }

  /** Commands a reply is awaited for now. */
  get awaited(): number {
    return this.waiting.size;
  }

  /** Ends every wait (as run out) and closes the connection. */
  async close(): Promise<void> {
    for (const waiters of [...this.waiting.values()]) {
      for (const done of [...waiters]) done(undefined);
    }
    await closeRedisClient(this.subscriber);
  }

  private receive(message: string): void {
    const outcome = readReply(message);
    if (!outcome) {
      this.logger.warn(
        { channel: this.channel, length: message.length },
        'ignored a message that is not a command reply',
      );
      return;
    }
    // Every request waiting on this command (a repeat of it included).
    for (const done of [...(this.waiting.get(outcome.commandId) ?? [])]) {
      done(outcome);
    }
  }

  private forget(commandId: string, done: Settle): void {
    const waiters = this.waiting.get(commandId);
    if (!waiters) return;
    waiters.delete(done);
    if (waiters.size === 0) this.waiting.delete(commandId);
  }
}
