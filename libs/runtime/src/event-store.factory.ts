import { stationFaultUpcasters } from '@opsdesk/domain';
import {
  InMemoryEventStore,
  PostgresEventStore,
  postgresEventStoreMigrations,
  UpcasterRegistry,
  withUpcasting,
  type EventStore,
  type NonAppendingTransactions,
} from '@opsdesk/event-store';
import type { Logger, Migration, OpsdeskConfig } from '@opsdesk/platform';
import type { Pool } from 'pg';
import { openKurrentDbStore } from './kurrentdb-store.factory';

/** Every process's upcasters; a new process adds its list here. */
export function createUpcasterRegistry(): UpcasterRegistry {
  return new UpcasterRegistry([...stationFaultUpcasters]);
}

/**
 * The adapter the configuration names (`EVENT_STORE`), PostgreSQL by
 * default, read through the upcasters. Only the log moves: the process
 * manager's checkpoints, the projections and the read models live in
 * PostgreSQL with every adapter, so DATABASE_URL is always required.
 * `nonAppending`: the read models' open pages, which the PostgreSQL log
 * tail reads past.
 */
export async function createEventStore(
  config: OpsdeskConfig,
  pool: Pool,
  logger: Logger,
  nonAppending?: NonAppendingTransactions,
): Promise<EventStore> {
  return withUpcasting(
    await createAdapter(config, pool, logger, nonAppending),
    createUpcasterRegistry(),
  );
}

async function createAdapter(
  config: OpsdeskConfig,
  pool: Pool,
  logger: Logger,
  nonAppending?: NonAppendingTransactions,
): Promise<EventStore> {
  switch (config.eventStore) {
    case 'postgres':
      return new PostgresEventStore(pool, {
        logger: logger.child({ component: 'event-store' }),
        nonAppending,
      });
    case 'memory':
      logger.warn('EVENT_STORE=memory: the log lives in this process only');
      return new InMemoryEventStore();
    case 'kurrentdb':
      return openKurrentDbStore(config, logger);
  }
}

export function eventStoreMigrationsFor(config: OpsdeskConfig): Migration[] {
  return config.eventStore === 'postgres'
    ? [...postgresEventStoreMigrations]
    : [];
}
