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
  // Order anomalies (P25).
  'tech-manager',
  // Phone call-backs (P08): second calls, unreached users.
  'cs-shift-leader',
  'cs-supervisor',
  // Invoices (P21) and violations (P23); `system` is the hand of
  // the timers and the automatic steps.
  'ops-invoicing-liaison',
  'finance-manager',
  'system',
  'subsidiary-violation-specialist',
  'cs-online-agent',
  'cs-violation-reminder-specialist',
  'risk-control-manager',
  // The member applying in the app (an e-invoice, P21 4.9).
  'user',
  // E-mail service (P05): the specialist and the department.
  'cs-email-specialist',
  'related-department',
  // Repeat callers (P14): the manager, the subsidiary's heads, PR.
  'cs-manager-outsourcer',
  'subsidiary-ops-head',
  'hq-pr-manager',
  'subsidiary-gm',
  // Centre emergencies (P01): HQ links affected tickets.
  'hq-cs-manager',
  // Membership cards (P29): the courier record.
  'marketing-manager',
  // Vehicle repair, rescue and the repair shop (G1–G9).
  'fleet-admin',
  'repair-shop-receptionist',
  'repair-technician',
  'repair-quick-team',
  'repair-quality-inspector',
  'repair-cashier',
  'repair-after-sales',
  'repair-assistant-gm',
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
