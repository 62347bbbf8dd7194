/** The database URL with any password removed, fit for a log line. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    return url.toString();
  } catch {
    return '(DATABASE_URL is not a URL)';
  }
}

const START_HINT =
  'start PostgreSQL (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_URL to a running server';

// Node socket errors and PostgreSQL start-up errors that mean "no usable
// connection", as opposed to a failing statement, which is a bug.
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  '57P03', // cannot_connect_now: the server is starting or stopping
]);
const UNKNOWN_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN']);
const REFUSED_LOGIN = new Set(['28000', '28P01']);
const NO_DATABASE = '3D000';

/**
 * One line telling an operator what to check when PostgreSQL cannot be
 * reached, or `undefined` when the error is not about the connection.
 */
export function describeConnectionFailure(
  error: unknown,
  databaseUrl: string,
): string | undefined {
  const url = redactDatabaseUrl(databaseUrl);
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  // pg's connectionTimeoutMillis rejects with a bare Error and no code.
  const timedOut =
    typeof message === 'string' &&
    /timeout expired|connection timeout/i.test(message);

  if ((typeof code === 'string' && UNREACHABLE.has(code)) || timedOut) {
    const cause = typeof code === 'string' ? code : 'timeout';
    return `PostgreSQL at ${url} is not reachable (${cause}); ${START_HINT}`;
  }
  if (typeof code === 'string' && UNKNOWN_HOST.has(code)) {
    return `PostgreSQL at ${url} is not reachable: unknown host (${code}); check the host in DATABASE_URL, or ${START_HINT}`;
  }
  if (code === NO_DATABASE) {
    return `PostgreSQL at ${url} has no such database; create it (createdb) or set DATABASE_URL`;
  }
  if (typeof code === 'string' && REFUSED_LOGIN.has(code)) {
    return `PostgreSQL at ${url} refused the login (${code}); check the user and password in DATABASE_URL`;
  }
  return undefined;
}
