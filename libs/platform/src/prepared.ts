import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

/** A statement's text with its values, ready for `query`. */
export type PreparedQuery = (values: unknown[]) => QueryConfig;

/**
 * A statement the server parses and plans once per connection and then
 * runs from its stored plan. The statements every ticket action sends
 * spent about a third of PostgreSQL's CPU being planned again each time.
 *
 * Only for fixed text whose result columns are listed or are a function's
 * row: a stored statement reading `SELECT *` from a table that later gains
 * a column fails with "cached plan must not change result type" until its
 * connection closes. A rename (a rebuild's swap) is fine: the server
 * resolves the names again when a table it planned against changes. Each
 * distinct text stays prepared on every connection that ran it, so never
 * build the text from values.
 */
export function prepared(text: string): PreparedQuery {
  let name = names.get(text);
  if (name === undefined) {
    name = `opsdesk_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  const named = name;
  return (values) => ({ name: named, text, values });
}

/** Names by text, so a call site that builds its text each time pays no hash. */
const names = new Map<string, string>();
