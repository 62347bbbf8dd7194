import { isStorableJson, type ActualRevision } from '../append-rules';
import {
  EventStoreUnavailableError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import type { ExpectedRevision, NewEvent } from '../event-store.port';

/** What the failed operation was doing, to fill in our error's fields. */
export interface FailureContext {
  stream?: string;
  expected?: ExpectedRevision;
  /** Reads the stream's revision after the failed transaction ended. */
  readActual?: () => Promise<ActualRevision>;
  /** The batch being appended, to name the event the server refused. */
  events?: readonly NewEvent[];
}

// SQLSTATEs meaning the server went away or would not take us.
const CONNECTION_STATES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '08P01', // protocol_violation
  '53300', // too_many_connections
  '57P01', // admin_shutdown (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

// Socket-level failures node-postgres passes through from Node.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

// node-postgres raises these without a code, so only the text tells.
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Query read timeout',
];

const POOL_ENDED = 'Cannot use a pool after calling end on the pool';

// jsonb refuses \u0000 and lone surrogates; text refuses NUL bytes.
const UNSTORABLE_STATES = new Set(['22P05', '22P02', '22021']);

const REVISION_CONSTRAINTS = new Set([
  'events_stream_revision_unique',
  'streams_pkey',
]);

/**
 * The one place where node-postgres and server errors become the port's
 * errors. Anything it does not recognise is returned unchanged.
 */
export async function translatePgError(
  error: unknown,
  context: FailureContext = {},
): Promise<unknown> {
  if (isPoolEnded(error) || isConnectionError(error)) {
    return new EventStoreUnavailableError(
      `PostgreSQL connection failed: ${messageOf(error)}; check that the ` +
        'server is up and reachable with the configured DATABASE_URL',
      error,
    );
  }
  const { code, constraint, detail } = fieldsOf(error);
  const { stream } = context;
  if (stream === undefined) return error;

  if (code === '23505' && constraint && REVISION_CONSTRAINTS.has(constraint)) {
    const actual = context.readActual
      ? await context.readActual()
      : 'no-stream';
    return new WrongExpectedRevisionError(
      stream,
      context.expected ?? 'any',
      actual,
    );
  }
  if (code === '23505' && constraint === 'events_event_id_unique') {
    const eventId = /\(event_id\)=\(([^)]+)\)/.exec(detail ?? '')?.[1];
    return new InvalidAppendError(stream, 'event-id-in-other-stream', eventId);
  }
  if (code && UNSTORABLE_STATES.has(code)) {
    const refused = context.events?.find(
      (e) => !isStorableJson(e.data) || !isStorableJson(e.metadata),
    );
    return new InvalidAppendError(stream, 'unstorable-value', refused?.eventId);
  }
  return error;
}

/** The server or the socket failed: retrying later may work. */
export function isConnectionError(error: unknown): boolean {
  const { code } = fieldsOf(error);
  if (code && (CONNECTION_STATES.has(code) || SOCKET_CODES.has(code))) {
    return true;
  }
  const message = messageOf(error);
  return CONNECTION_MESSAGES.some((m) => message.includes(m));
}

/** The pool was ended by its owner: nothing will work again. */
export function isPoolEnded(error: unknown): boolean {
  return messageOf(error).includes(POOL_ENDED);
}

function fieldsOf(error: unknown): {
  code?: string;
  constraint?: string;
  detail?: string;
} {
  if (typeof error !== 'object' || error === null) return {};
  const { code, constraint, detail } = error as Record<string, unknown>;
  return {
    code: typeof code === 'string' ? code : undefined,
    constraint: typeof constraint === 'string' ? constraint : undefined,
    detail: typeof detail === 'string' ? detail : undefined,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
