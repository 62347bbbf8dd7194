import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * The figures of this process as a whole, for `/metrics`: Node's own (CPU,
 * memory, event-loop delay, garbage collection, named `opsdesk_…`) and
 * those of parts that run once a process whatever app they serve (the
 * role workers' jobs). Made on first use: these collectors watch the
 * process, and a second set would watch it twice (the tests start many
 * apps in one process).
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'opsdesk_' });
  }
  return processRegistry;
}
