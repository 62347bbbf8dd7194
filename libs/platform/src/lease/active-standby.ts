import type { Logger } from '../logger';
import type { ConsumerLease } from './consumer-lease';
import { LeaseLostError } from './lease.errors';

/**
 * What an active consumer checks in every transaction that writes: the
 * write share-locks the lease's row in its own statement (see
 * fenceLeaseQuery) and hands the token it found to `confirm`.
 */
export interface Fence {
  readonly lease: string;
  readonly token: string;
  /**
   * The lease's lifetime: a writing transaction sets it as its idle
   * limit, so that a holder frozen mid-transaction, which would keep the
   * lease's row locked, has its session ended (see assertLeaseHeld).
   */
  readonly idleLimitMs: number;
  /**
   * Throws LeaseLostError unless `found` is this holding's token, and
   * then makes the instance step down.
   */
  confirm(found: string | null | undefined): void;
}

/** A log consumer that can be started under a fence and stopped again. */
export interface StandbyConsumer {
  start(fence: Fence): Promise<void>;
  stop(): Promise<void>;
}

export interface ActiveStandbyOptions {
  lease: ConsumerLease;
  consumer: StandbyConsumer;
  /** How often a standby tries the lease and the holder renews it. */
  pollMs: number;
  /** The lease's lifetime: a holder silent this long is replaced. */
  ttlMs: number;
  logger: Logger;
}

export type ActiveStandbyRole = 'active' | 'standby' | 'stopped';

/**
 * Runs its consumer only while it holds the consumer's lease. A standby
 * polls the lease and, once the holder released it or let it expire,
 * starts the consumer, which resumes from its stored checkpoint. The
 * holder renews at every poll; when it learns that the lease has passed
 * on (at a renewal, or from its fence inside a transaction) it stops the
 * consumer and stands by again.
 */
export class ActiveStandby {
  private token?: string;
  private running = false;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private stepping?: Promise<void>;
  private lastRenewal = 0;

  constructor(private readonly options: ActiveStandbyOptions) {}

  get role(): ActiveStandbyRole {
    if (!this.running) return 'stopped';
    return this.token === undefined ? 'standby' : 'active';
  }

  /**
   * Tries the lease at once, so a lone instance starts without waiting a
   * poll, and rejects if that first try fails (the database is not
   * reachable, the checkpoint cannot be read); then keeps polling.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.track(this.tryTakeOver());
    } catch (error) {
      this.running = false;
      throw error;
    }
    if (this.token === undefined) {
      const { lease, logger } = this.options;
      logger.info(
        { lease: lease.name, holder: lease.holder },
        'lease held by another instance; standing by',
      );
    }
    this.schedule();
  }

  /** Stops the consumer and hands the lease on at once. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.timer);
    await this.polling?.catch(() => undefined);
    await this.stepping;
    await this.stepDown('stopping', true);
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.track(this.poll()).finally(() => this.schedule());
    }, this.options.pollMs);
  }

  private track(work: Promise<void>): Promise<void> {
    this.polling = work;
    return work;
  }

  private async poll(): Promise<void> {
    const { lease, logger, ttlMs } = this.options;
    try {
      await this.stepping;
      if (!this.running) return;
      if (this.token === undefined) return await this.tryTakeOver();
      if (await lease.renew(this.token)) {
        this.lastRenewal = Date.now();
        return;
      }
      await this.stepDown('lease taken over', false);
    } catch (error) {
      logger.warn({ err: error, lease: lease.name }, 'lease poll failed');
      // Without renewals the lease lapses and a standby takes it; stop
      // before that (the fence would refuse the writes anyway).
      if (this.token !== undefined && Date.now() - this.lastRenewal >= ttlMs) {
        await this.stepDown('lease could not be renewed', false);
      }
    }
  }

  private async tryTakeOver(): Promise<void> {
    const { lease, consumer, logger } = this.options;
    const token = await lease.tryAcquire();
    if (token === undefined) return;
    this.token = token;
    this.lastRenewal = Date.now();
    logger.info(
      { lease: lease.name, holder: lease.holder, fencingToken: token },
      'lease taken; consumer active',
    );
    try {
      await consumer.start(this.fenceFor(token));
    } catch (error) {
      await this.stepDown('consumer failed to start', true);
      throw error;
    }
  }

  private fenceFor(token: string): Fence {
    const name = this.options.lease.name;
    return {
      lease: name,
      token,
      idleLimitMs: this.options.ttlMs,
      confirm: (found) => {
        if (found === token) return;
        this.options.logger.warn(
          { lease: name, fencingToken: token },
          'write refused: the lease has passed to another holder',
        );
        // Not awaited: stopping the consumer waits for the very
        // transaction that is failing here.
        if (this.token === token) {
          this.stepping = this.stepDown('fenced off', false);
        }
        throw new LeaseLostError(name, token);
      },
    };
  }

  private async stepDown(reason: string, release: boolean): Promise<void> {
    const token = this.token;
    if (token === undefined) return;
    this.token = undefined;
    const { lease, consumer, logger } = this.options;
    await consumer
      .stop()
      .catch((error: unknown) =>
        logger.error({ err: error, lease: lease.name }, 'consumer stop failed'),
      );
    if (release) await lease.release(token).catch(() => undefined);
    logger.info(
      { lease: lease.name, fencingToken: token, reason },
      reason === 'stopping' ? 'lease released' : 'lease lost; standing by',
    );
  }
}
