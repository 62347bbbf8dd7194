import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CheckpointStore, ProcessManager } from '@opsdesk/messaging';
import type { ActiveStandby } from '@opsdesk/platform';
import { ProjectionRunner, SharedCommits } from '@opsdesk/read-models';
import { DeadlinesModule } from './deadlines.module';
import { underLease } from './lease-holder';
import { liveProjections } from './live-projections';
import type { OpsdeskResources } from './resources';
import { TrafficViolationTimers } from './traffic-violation-timers';
import { RepairOrderTimers } from './repair-order-timers';
import { CardCourierFollower } from './card-courier-follower';

const RESOURCES_TOKEN = Symbol('opsdesk:consumer-resources');
const PARTS_TOKEN = Symbol('opsdesk:consumer-parts');

/**
 * Which consumers a process runs: all of them, or one side of a process
 * whose projections run on an event loop of their own (projection-thread/):
 * the followers that enqueue work (process manager, timers, links), or
 * the projections that keep the read models.
 */
export type LogConsumerParts = 'all' | 'followers' | 'projections';

/** The leases of the log's followers, beside one per projection. */
export const FOLLOWER_LEASES = {
  processManager: 'process-manager',
  violationTimers: 'traffic-violation-timers',
  repairTimers: 'repair-order-timers',
  cardCourierFollower: 'card-courier-follower',
} as const;

/**
 * The consumers of the stored log: the process manager (hand-offs) and
 * one runner per projection (read models), each with its own checkpoint.
 * Each runs under a lease of its own name, so several projector
 * processes can run side by side: one instance of each consumer is
 * active, the others stand by and take over when its holder goes away.
 */
@Injectable()
export class LogConsumersHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  /** Process manager, timers and links, in the order they start. */
  private readonly followers: ActiveStandby[];
  private readonly projections: {
    runner: ProjectionRunner;
    lease: ActiveStandby;
  }[];

  constructor(
    @Inject(RESOURCES_TOKEN) resources: OpsdeskResources,
    @Inject(PARTS_TOKEN) parts: LogConsumerParts,
  ) {
    const { store, pool, logger } = resources;
    this.followers = parts === 'projections' ? [] : logFollowers(resources);
    // The read models of a process get each page at about the same
    // moment: their commits of it share a transaction.
    const commits = new SharedCommits(pool, {
      nonAppending: resources.nonAppending,
    });
    const projections = parts === 'followers' ? [] : liveProjections(resources);
    this.projections = projections.map((projection) => {
      const runner = new ProjectionRunner({
        projection,
        store,
        pool,
        commits,
        logger: logger.child({ component: 'projector' }),
      });
      const lease = underLease(resources, `projection:${runner.name}`, runner);
      return { runner, lease };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const follower of this.followers) await follower.start();
    await Promise.all(this.projections.map(({ lease }) => lease.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const follower of this.followers) await follower.stop();
    await Promise.all(this.projections.map(({ lease }) => lease.stop()));
  }

  /** Each projection's runner, and whether this process runs it now. */
  statuses() {
    return this.projections.map(({ runner, lease }) => ({
      ...runner.status(),
      lease: lease.role,
    }));
  }
}

/**
 * The followers of the log that enqueue work, each under a lease named
 * after the checkpoint it guards.
 */
function logFollowers(resources: OpsdeskResources): ActiveStandby[] {
  const { store, pool, processes, queues, logger, clock } = resources;
  return [
    underLease(
      resources,
      FOLLOWER_LEASES.processManager,
      new ProcessManager(
        store,
        processes,
        queues,
        new CheckpointStore(pool),
        logger.child({ component: 'process-manager' }),
        { feeds: resources.histories },
      ),
    ),
    underLease(
      resources,
      FOLLOWER_LEASES.violationTimers,
      new TrafficViolationTimers({
        store,
        checkpoints: new CheckpointStore(pool),
        queues,
        clock,
        logger: logger.child({ component: 'traffic-violation-timers' }),
      }),
    ),
    underLease(
      resources,
      FOLLOWER_LEASES.repairTimers,
      new RepairOrderTimers({
        store,
        checkpoints: new CheckpointStore(pool),
        queues,
        clock,
        logger: logger.child({ component: 'repair-order-timers' }),
      }),
    ),
    underLease(
      resources,
      FOLLOWER_LEASES.cardCourierFollower,
      new CardCourierFollower({
        store,
        checkpoints: new CheckpointStore(pool),
        queues,
        clock,
        logger: logger.child({ component: 'card-courier-follower' }),
      }),
    ),
  ];
}

@Module({})
export class LogConsumersModule {
  static forRoot(
    resources: OpsdeskResources,
    parts: LogConsumerParts = 'all',
  ): DynamicModule {
    return {
      module: LogConsumersModule,
      // Timers and the links between processes follow the log too.
      // TODO(#12): they still run in every projector process (their
      // effects are idempotent, so this costs work, not correctness);
      // put DeadlinesHost's followers under leases like the ones above.
      imports:
        parts === 'projections' ? [] : [DeadlinesModule.forRoot(resources)],
      providers: [
        { provide: RESOURCES_TOKEN, useValue: resources },
        { provide: PARTS_TOKEN, useValue: parts },
        LogConsumersHost,
      ],
      exports: [LogConsumersHost],
    };
  }
}
