import {
  NonAppendingTransactions,
  type EventStore,
} from '@opsdesk/event-store';
import {
  CommandLedger,
  messagingMigrations,
  RoleQueueSet,
  StreamHistories,
  timerMigrations,
  type ProcessCatalog,
} from '@opsdesk/messaging';
import {
  checkPostgres,
  bullConnection,
  checkConfiguredRedis,
  createPool,
  DataKeyVault,
  leaseMigrations,
  personalDataMigrations,
  runMigrations,
  systemClock,
  type Clock,
  type Logger,
  type Migration,
  type OpsdeskConfig,
} from '@opsdesk/platform';
import { readModelMigrations, TicketQueries } from '@opsdesk/read-models';
import {
  loadRoster,
  PostgresStationRegistry,
  seedStations,
  STATIONS_MIGRATIONS,
  type Roster,
  type StationRegistry,
} from '@opsdesk/stations';
import type { Pool } from 'pg';
import {
  createEventStore,
  eventStoreMigrationsFor,
} from './event-store.factory';
import { databasePoolMax } from './pool-settings';
import { createProcessCatalog } from './process-catalog.factory';

/** The long-lived connections and services one opsdesk process shares. */
export interface OpsdeskResources {
  config: OpsdeskConfig;
  logger: Logger;
  pool: Pool;
  store: EventStore;
  /** The read models' open pages, which the log tail need not wait for. */
  nonAppending: NonAppendingTransactions;
  /**
   * Tickets' streams as this process last saw them, shared by its role
   * workers and kept current by its process manager while that runs.
   */
  histories: StreamHistories;
  processes: ProcessCatalog;
  queues: RoleQueueSet;
  ledger: CommandLedger;
  stations: StationRegistry;
  roster: Roster;
  queries: TicketQueries;
  /** Keys of the reporters' personal data, one per ticket (#7). */
  vault: DataKeyVault;
  /** Where deciders and timers read the time; tests pass a steppable one. */
  clock: Clock;
}

export function allMigrations(config: OpsdeskConfig): Migration[] {
  return [
    ...eventStoreMigrationsFor(config),
    ...STATIONS_MIGRATIONS,
    ...messagingMigrations,
    ...leaseMigrations,
    ...readModelMigrations,
    ...personalDataMigrations,
    ...timerMigrations,
  ];
}

/**
 * Checks the services, migrates, seeds an empty station registry and opens
 * every shared resource. Throws ServiceUnavailableError with a message a
 * person can act on when Redis or PostgreSQL is missing.
 */
export async function openResources(
  config: OpsdeskConfig,
  logger: Logger,
  options: {
    clock?: Clock;
    /** Where this process's open pages are told (projection-thread/). */
    nonAppending?: NonAppendingTransactions;
  } = {},
): Promise<OpsdeskResources> {
  await checkPostgres(config.databaseUrl);
  const redisCheck = await checkConfiguredRedis(config);
  if (redisCheck.warning) logger.warn(redisCheck.warning);

  const pool = createPool(
    config.databaseUrl,
    config.databaseSchema,
    { max: databasePoolMax() },
    (err) =>
      logger.warn({ err }, 'PostgreSQL connection lost; the pool replaces it'),
  );
  const applied = await runMigrations(
    pool,
    config.databaseSchema,
    allMigrations(config),
  );
  if (applied.length) logger.info({ applied }, 'database migrated');

  const stations = new PostgresStationRegistry(pool);
  if ((await stations.listRegions()).length === 0) {
    const seeded = await seedStations(pool);
    logger.info({ seeded }, 'station registry was empty; seeded it');
  }

  const nonAppending = options.nonAppending ?? new NonAppendingTransactions();
  const store = await createEventStore(config, pool, logger, nonAppending);
  return {
    config,
    logger,
    pool,
    store,
    nonAppending,
    histories: new StreamHistories(store),
    processes: createProcessCatalog(config),
    queues: new RoleQueueSet(
      bullConnection(config),
      config.queuePrefix,
      logger,
    ),
    ledger: new CommandLedger(pool),
    stations,
    roster: loadRoster(process.env.ROSTER_FILE),
    queries: new TicketQueries(pool),
    vault: new DataKeyVault(pool),
    clock: options.clock ?? systemClock,
  };
}

/** Closes in dependency order: producers first, the pool last. */
export async function closeResources(
  resources: OpsdeskResources,
): Promise<void> {
  await resources.queues.close();
  await resources.store.close();
  await resources.pool.end();
}
