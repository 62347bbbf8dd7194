import { optionalInteger } from './worker-settings';

/**
 * `DATABASE_POOL_MAX`: connections in a process's pool (30). Every log
 * subscription (process manager, each projection, the timer scheduler,
 * the linker) holds one for good, and a projection's transaction may need
 * a second for the keys it opens personal data with: a pool of 10 ran out
 * in the projector and every subscription stopped, waiting for itself.
 */
export function databasePoolMax(env: NodeJS.ProcessEnv = process.env): number {
  return Math.max(10, optionalInteger('DATABASE_POOL_MAX', env) ?? 30);
}
