import type { Fleet } from '../support/fleet';
import type { OwnPostgres } from '../support/own-postgres';
import type { OwnRedis } from '../support/own-redis';
import { sleep } from '../support/processes';
import type { Driver } from './driver';
import type { Random } from './random';

/** Every fault the harness knows how to inject. */
export const FAULT_KINDS = [
  /** SIGKILL a worker at a random moment (its running jobs stall). */
  'kill-worker',
  /** A worker dies right after an append, before its job is acked. */
  'crash-worker-after-append',
  /** A worker dies after announcing a hand-off, before its automatic work. */
  'crash-worker-after-notify',
  /** A worker freezes past its job lock; the job runs again elsewhere. */
  'stall-worker',
  /** SIGKILL the projector (process manager and projections). */
  'kill-projector',
  /** The process manager dies between an append and its enqueue. */
  'crash-projector-before-enqueue',
  /** The process manager dies between its enqueue and its checkpoint. */
  'crash-projector-before-checkpoint',
  /** Redis killed and restarted with what its AOF kept (up to ~1 s lost). */
  'restart-redis',
  /** Redis killed and restarted empty: every job is gone. */
  'wipe-redis',
  /** PostgreSQL restarted (fast or immediate) under load. */
  'restart-postgres',
  /** Hand-off jobs delivered a second time under other job ids. */
  'duplicate-handoffs',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

const WEIGHTS: Record<FaultKind, number> = {
  'kill-worker': 3,
  'crash-worker-after-append': 1.5,
  'crash-worker-after-notify': 1,
  'stall-worker': 1,
  'kill-projector': 1,
  'crash-projector-before-enqueue': 0.7,
  'crash-projector-before-checkpoint': 0.7,
  'restart-redis': 0.7,
  'wipe-redis': 0.35,
  'restart-postgres': 0.6,
  'duplicate-handoffs': 2,
};

export interface FaultTargets {
  fleet: Fleet;
  workers: readonly string[];
  projector: string;
  redis: OwnRedis;
  postgres?: OwnPostgres;
  driver: Driver;
  /** Workers' lock duration: a stall must outlast it. */
  lockDurationMs: number;
}

/** Between two faults the system must get back up and do this much work. */
const EVENTS_BETWEEN_FAULTS = 300;
const RECOVERY_WAIT_MS = 120_000;

/**
 * Injects faults at random moments while a run goes on: first each kind
 * once, in random order (so every kind is covered), then at random by
 * weight. Before the next fault the system must be back (every process
 * up) and have appended a few hundred events since the last one, so that
 * faults test recovery instead of keeping the system down.
 */
export class FaultInjector {
  readonly counts = Object.fromEntries(
    FAULT_KINDS.map((kind) => [kind, 0]),
  ) as Record<FaultKind, number>;
  private stopped = false;
  private running?: Promise<void>;

  constructor(
    private readonly kinds: readonly FaultKind[],
    private readonly targets: FaultTargets,
    private readonly random: Random,
    private readonly pauseMs: readonly [number, number],
  ) {}

  start(): void {
    if (this.kinds.length === 0) return;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  private async loop(): Promise<void> {
    const first = this.random.shuffle(this.kinds);
    while (!this.stopped) {
      await this.recovered();
      await sleep(this.random.between(this.pauseMs[0], this.pauseMs[1]));
      if (this.stopped) return;
      const kind = first.shift() ?? this.weighted();
      await this.inject(kind);
      this.counts[kind] += 1;
    }
  }

  private async recovered(): Promise<void> {
    const { fleet, driver } = this.targets;
    const from = driver.counts.events;
    const deadline = Date.now() + RECOVERY_WAIT_MS;
    while (!this.stopped && Date.now() < deadline) {
      const progress = driver.counts.events - from;
      if (fleet.allUp() && progress >= EVENTS_BETWEEN_FAULTS) return;
      await sleep(200);
    }
  }

  private weighted(): FaultKind {
    const total = this.kinds.reduce((sum, k) => sum + WEIGHTS[k], 0);
    let roll = this.random.next() * total;
    for (const kind of this.kinds) {
      roll -= WEIGHTS[kind];
      if (roll < 0) return kind;
    }
    return this.kinds[this.kinds.length - 1];
  }

  private async inject(kind: FaultKind): Promise<void> {
    const { fleet, workers, projector, redis, postgres, driver } = this.targets;
    const worker = this.random.pick(workers);
    switch (kind) {
      case 'kill-worker':
        return fleet.kill(worker);
      case 'crash-worker-after-append':
        return fleet.restartWith(worker, {
          OPSDESK_FAULT_POINT: 'role-worker:after-append',
        });
      case 'crash-worker-after-notify':
        return fleet.restartWith(worker, {
          OPSDESK_FAULT_POINT: 'role-worker:after-notify',
        });
      case 'stall-worker':
        return fleet.restartWith(worker, {
          OPSDESK_FAULT_POINT: 'role-worker:after-append',
          OPSDESK_FAULT_ACTION: `stall:${this.targets.lockDurationMs * 3}`,
        });
      case 'kill-projector':
        return fleet.kill(projector);
      case 'crash-projector-before-enqueue':
        return fleet.restartWith(projector, {
          OPSDESK_FAULT_POINT: 'process-manager:before-enqueue',
        });
      case 'crash-projector-before-checkpoint':
        return fleet.restartWith(projector, {
          OPSDESK_FAULT_POINT: 'process-manager:before-checkpoint',
        });
      case 'restart-redis':
        return redis.restart({ keepData: true });
      case 'wipe-redis':
        return redis.restart({ keepData: false });
      case 'restart-postgres':
        return postgres?.restart(
          this.random.chance(0.5) ? 'fast' : 'immediate',
        );
      case 'duplicate-handoffs':
        await driver.duplicateHandoffs(25).catch(() => 0);
        return;
    }
  }
}
