import {
  BACKWARDS,
  END,
  KurrentDBClient,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/**
 * The part of the KurrentDB client the adapter uses. `KurrentDBClient`
 * satisfies it; tests may pass a stand-in.
 */
export interface KurrentDbConnection {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ): Promise<AppendResult>;
  readStream(
    streamName: string,
    options: ReadStreamOptions,
  ): AsyncIterableIterator<ResolvedEvent>;
  readAll(
    options: ReadAllOptions,
  ): AsyncIterableIterator<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): AllStreamSubscription;
  dispose(): Promise<void>;
}

/**
 * A client for a connection string such as
 * `kurrentdb://127.0.0.1:2113?tls=false`. It connects lazily: use
 * `probeKurrentDb` to find out whether the server answers.
 */
export function connectKurrentDb(
  connectionString: string,
): KurrentDbConnection {
  return KurrentDBClient.connectionString(connectionString);
}

/**
 * Reads the last event of `$all`, which needs the server to answer and
 * this user to be allowed to read `$all` (as subscriptions must). Rejects
 * with the client's error, or a timeout error after `timeoutMs`.
 */
export async function probeKurrentDb(
  connection: KurrentDbConnection,
  timeoutMs = 5000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const read = (async () => {
    const events = connection.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
    });
    for await (const event of events) void event;
  })();
  try {
    await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    read.catch(() => undefined);
  }
}
