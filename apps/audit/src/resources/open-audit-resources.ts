import { stationFaultUpcasters } from '@opsdesk/domain';
import {
  PostgresEventStore,
  UpcasterRegistry,
  withUpcasting,
} from '@opsdesk/event-store';
import {
  checkPostgres,
  createPool,
  type OpsdeskConfig,
} from '@opsdesk/platform';
import type { AuditResources } from '../cli/audit-command';
import { UnsupportedEventStoreError } from '../cli/audit-errors';
import { stderrLogger } from './stderr-logger';

export interface OpenedAuditResources extends AuditResources {
  close(): Promise<void>;
}

/**
 * A pool and the PostgreSQL event store, nothing else: the tool reads the
 * log and read models and never touches the queues. It runs no
 * migrations either, so pointing it at the wrong schema changes nothing.
 * TODO(#4): only the PostgreSQL log; with EVENT_STORE=kurrentdb the tool
 * needs the KurrentDB adapter here (read models stay in PostgreSQL).
 */
export async function openAuditResources(
  config: OpsdeskConfig,
  logLevel: string,
): Promise<OpenedAuditResources> {
  if (config.eventStore !== 'postgres') {
    throw new UnsupportedEventStoreError(config.eventStore);
  }
  await checkPostgres(config.databaseUrl);
  const logger = stderrLogger('audit', logLevel);
  // A rebuild holds its lock on one connection and pages through the log
  // on another, while up to four projections apply a page side by side.
  const pool = createPool(config.databaseUrl, config.databaseSchema, {
    max: 6,
  });
  const stored = new PostgresEventStore(pool, { logger });
  const registry = upcasters();
  return {
    pool,
    store: withUpcasting(stored, registry),
    stored,
    upcast: (event) => registry.upcast(event),
    schema: config.databaseSchema,
    logger,
    async close() {
      await stored.close();
      await pool.end();
    },
  };
}

/**
 * The upcasters the apps read through (the runtime's registry), so that
 * folds and rebuilt read models see what the live ones see.
 * TODO(#4): this repeats the runtime's `createUpcasterRegistry` list,
 * which cannot be imported without Nest; one shared list would keep the
 * two from drifting.
 */
function upcasters(): UpcasterRegistry {
  return new UpcasterRegistry([...stationFaultUpcasters]);
}
