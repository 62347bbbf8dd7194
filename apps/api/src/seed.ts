import {
  ConfigError,
  createLogger,
  createPool,
  loadConfig,
  type OpsdeskConfig,
  runMigrations,
} from '@opsdesk/platform';
import { STATIONS_MIGRATIONS, seedStations } from '@opsdesk/stations';
import { describeConnectionFailure } from './database-connection-failure';

/**
 * `npm run seed`: creates the station tables if needed and upserts the
 * regional platforms and the station catalogue. Safe to run again.
 */
async function main(): Promise<number> {
  const logger = createLogger('seed');
  let config: OpsdeskConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.fatal({ code: error.code }, error.message);
    return 1;
  }

  const pool = createPool(config.databaseUrl, config.databaseSchema, {
    // Without a bound, a host that drops packets would hang the seed.
    connectionTimeoutMillis: 10_000,
  });
  try {
    const migrations = await runMigrations(
      pool,
      config.databaseSchema,
      STATIONS_MIGRATIONS,
    );

    const result = await seedStations(pool);

    logger.info(
      {
        schema: config.databaseSchema,
        migrationsApplied: migrations.length,
        regions: result.regions,
        stations: result.stations,
      },
      'stations seeded',
    );
    return 0;
  } catch (error) {
    const failure = describeConnectionFailure(error, config.databaseUrl);
    if (failure === undefined) throw error;
    // One line and no stack: the fix is on the operator's side.
    logger.fatal({ code: (error as { code?: string }).code }, failure);
    return 1;
  } finally {
    await pool.end();
  }
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    createLogger('seed').fatal({ err: error }, 'seeding failed');
    process.exitCode = 1;
  },
);
