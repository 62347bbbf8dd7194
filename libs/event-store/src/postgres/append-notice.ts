/** Subscribers LISTEN here; an append announces itself on commit. */
export const APPEND_CHANNEL = 'opsdesk_event_store';

/**
 * The payload an append sends, `<schema>/<transaction id>`: the schema
 * tells stores in other schemas of the database to ignore it, and the
 * transaction id tells a reader whether its last read covered it.
 */
export const APPEND_NOTICE_PAYLOAD = `current_schema() || '/' || pg_current_xact_id()::text`;

export interface AppendNotice {
  schema: string;
  txId: bigint;
}

export function parseAppendNotice(
  payload: string | undefined,
): AppendNotice | undefined {
  if (payload === undefined) return undefined;
  const slash = payload.lastIndexOf('/');
  const txId = payload.slice(slash + 1);
  if (slash < 0 || !/^\d{1,20}$/.test(txId)) return undefined;
  return { schema: payload.slice(0, slash), txId: BigInt(txId) };
}
