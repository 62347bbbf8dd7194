/** How often a busy follower moves its checkpoint at most. */
export const CHECKPOINT_INTERVAL_MS = 200;

export interface PacedCheckpointOptions {
  save(position: string): Promise<void>;
  /** A save the timer made failed: no page was waiting on it. */
  onError(error: unknown): void;
  intervalMs?: number;
  now?: () => number;
}

/**
 * A log follower's checkpoint, moved at most once per interval while
 * pages keep coming. Between two saves the position waits, and the timer
 * saves it when the interval is over, so an idle follower is not left
 * behind. A crash replays what was handled since the last save, as a
 * crash between a page's effects and its save always could: a follower's
 * effects are idempotent. Under load that is one statement for many
 * pages instead of one for each.
 */
export class PacedCheckpoint {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private pending?: string;
  private savedAt = Number.NEGATIVE_INFINITY;
  private timer?: NodeJS.Timeout;
  /** Saves run one after another, so the stored position only moves on. */
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: PacedCheckpointOptions) {
    this.intervalMs = options.intervalMs ?? CHECKPOINT_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** A page up to `position` is handled: saved now, or when the interval ends. */
  passed(position: string): Promise<void> {
    this.pending = position;
    const wait = this.savedAt + this.intervalMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => this.options.onError(error));
    }, wait);
    return Promise.resolve();
  }

  /** Saves the waiting position, if any; resolves once saves have ended. */
  flush(): Promise<void> {
    this.clearTimer();
    const position = this.pending;
    if (position === undefined) return this.saving;
    this.pending = undefined;
    this.savedAt = this.now();
    this.saving = this.saving
      .catch(() => undefined)
      .then(() => this.options.save(position));
    return this.saving;
  }

  /**
   * Forgets the waiting position: the follower restarts from the stored
   * one. Resolves once a save already on its way has ended, so the
   * position loaded next is not overwritten by an older one.
   */
  async discard(): Promise<void> {
    this.clearTimer();
    this.pending = undefined;
    await this.saving.catch(() => undefined);
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
