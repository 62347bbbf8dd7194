import {
  InMemoryEventStore,
  PostgresEventStore,
  postgresEventStoreMigrations,
  type EventStore,
} from '@opsdesk/event-store';
import type { Logger, Migration, OpsdeskConfig } from '@opsdesk/platform';
import type { Pool } from 'pg';

/** The adapter the configuration names (`EVENT_STORE`), PostgreSQL by default. */
export async function createEventStore(
  config: OpsdeskConfig,
  pool: Pool,
  logger: Logger,
): Promise<EventStore> {
  switch (config.eventStore) {
    case 'postgres':
      return new PostgresEventStore(pool, {
        logger: logger.child({ component: 'event-store' }),
      });
    case 'memory':
      logger.warn('EVENT_STORE=memory: the log lives in this process only');
      return new InMemoryEventStore();
    case 'kurrentdb':
      // TODO(#3): the KurrentDB adapter.
      throw new Error('EVENT_STORE=kurrentdb is not available yet');
  }
}

export function eventStoreMigrationsFor(config: OpsdeskConfig): Migration[] {
  return config.eventStore === 'postgres'
    ? [...postgresEventStoreMigrations]
    : [];
}
