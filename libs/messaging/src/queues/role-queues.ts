import type { RoleId } from '@opsdesk/domain';

/** Roles that run a worker: each has a BullMQ queue named by its id. */
export const WORKER_ROLES = [
  'cs-phone-agent',
  'dispatch-manager',
  'regional-platform',
  'regional-inspector',
  'station-manager',
  'station-ops-team',
  'charging-pile-supplier',
] as const satisfies readonly RoleId[];

export type WorkerRole = (typeof WORKER_ROLES)[number];

export function isWorkerRole(role: string): role is WorkerRole {
  return (WORKER_ROLES as readonly string[]).includes(role);
}

/**
 * The BullMQ prefix of one role's queue. The braces are a Redis Cluster
 * hash tag: every key of one queue shares a slot, and different queues
 * spread over the masters. A single Redis ignores them.
 */
export function queuePrefixFor(basePrefix: string, role: WorkerRole): string {
  return `${basePrefix}:{${role}}`;
}
