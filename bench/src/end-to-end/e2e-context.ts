import type { RoleQueueSet } from '@opsdesk/messaging';
import type { LifecycleGenerator } from '../fixtures/lifecycles';
import type { BenchSchema } from '../support/bench-database';
import type { BenchChild } from '../support/child';
import type { VisibilityWatcher } from './visibility-watcher';

/**
 * What a backlog drain needs of a running system, however it is deployed
 * (one process on one Redis, or the scaled topology on a cluster).
 */
export interface DrainContext {
  schema: BenchSchema;
  queues: RoleQueueSet;
  watcher: VisibilityWatcher;
  generator: LifecycleGenerator;
  /** The processes whose CPU a drain reports, by label. */
  cpuOwners: Record<string, number>;
}

/** What the end-to-end runs share: the single-process system as well. */
export interface Context extends DrainContext {
  prefix: string;
  child: BenchChild;
}
