import type { RoleQueueSet } from '@opsdesk/messaging';
import type { LifecycleGenerator } from '../fixtures/lifecycles';
import type { BenchSchema } from '../support/bench-database';
import type { BenchChild } from '../support/child';
import type { VisibilityWatcher } from './visibility-watcher';

/** What the end-to-end runs share: the system, its queues and schema. */
export interface Context {
  schema: BenchSchema;
  prefix: string;
  child: BenchChild;
  queues: RoleQueueSet;
  watcher: VisibilityWatcher;
  generator: LifecycleGenerator;
}
