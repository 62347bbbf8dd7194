import {
  WORKER_ROLES,
  isWorkerRole,
  type WorkerRole,
} from '@opsdesk/messaging';

export class UsageError extends Error {
  readonly code = 'USAGE';
}

/**
 * `--role dispatch-manager` (repeatable or comma-separated) or `--role all`.
 * No flag means every role, as on a laptop.
 */
export function parseRoles(argv: readonly string[]): WorkerRole[] {
  const named: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--role') named.push(...(argv[i + 1] ?? '').split(','));
    else if (arg.startsWith('--role=')) named.push(...arg.slice(7).split(','));
  });
  if (named.length === 0 || named.includes('all')) return [...WORKER_ROLES];
  const unknown = named.filter((r) => !isWorkerRole(r));
  if (unknown.length) {
    throw new UsageError(
      `Unknown role ${unknown.join(', ')}; roles: ${WORKER_ROLES.join(', ')}, all`,
    );
  }
  return [...new Set(named)] as WorkerRole[];
}
