import {
  connectKurrentDb,
  KurrentDbEventStore,
  probeKurrentDb,
  type KurrentDbConnection,
} from '@opsdesk/event-store';
import {
  describeUrl,
  ServiceUnavailableError,
  type Logger,
  type OpsdeskConfig,
} from '@opsdesk/platform';

const HINT =
  'Start it (docker compose -f docker/compose.yml up -d kurrentdb) or set KURRENTDB_URL, e.g. kurrentdb://127.0.0.1:2113?tls=false.';

/**
 * The KurrentDB adapter on `KURRENTDB_URL`, once the server has answered
 * a read of `$all`. Throws ServiceUnavailableError (one line for a
 * person) when the URL is unset, malformed or the server does not answer.
 */
export async function openKurrentDbStore(
  config: OpsdeskConfig,
  logger: Logger,
): Promise<KurrentDbEventStore> {
  const url = config.kurrentdbUrl;
  if (!url) {
    throw new ServiceUnavailableError(
      'KurrentDB',
      'KURRENTDB_URL',
      'is not set (EVENT_STORE=kurrentdb needs it)',
      HINT,
    );
  }
  const where = describeUrl(url);
  let connection: KurrentDbConnection;
  try {
    connection = connectKurrentDb(url);
  } catch (error) {
    throw new ServiceUnavailableError(
      'KurrentDB',
      where,
      `has an unusable connection string (${reasonOf(error)})`,
      HINT,
    );
  }
  try {
    await probeKurrentDb(connection);
  } catch (error) {
    await connection.dispose().catch(() => undefined);
    throw new ServiceUnavailableError(
      'KurrentDB',
      where,
      `is not reachable or refuses to read $all (${reasonOf(error)})`,
      HINT,
    );
  }
  return new KurrentDbEventStore(connection, {
    logger: logger.child({ component: 'event-store' }),
  });
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const text = error.message || error.constructor.name;
    return text.split('\n')[0];
  }
  return String(error);
}
