import type { KurrentDbConnection } from '../kurrentdb/kurrentdb-connection';
import type { ContractOptions } from './contract-fixtures';

/** What KurrentDB cannot promise of the port, with the reason. */
export const KURRENTDB_CONTRACT_OPTIONS: ContractOptions = {
  unsupported: {
    'event-ids-unique-across-streams':
      'KurrentDB keeps event ids unique within a stream only, TODO(#3)',
  },
};

/** Schema version and data of each event of a stream, as the server holds it. */
export async function storedRowsIn(
  connection: KurrentDbConnection,
  stream: string,
): Promise<{ version: number; data: unknown }[]> {
  const rows = [];
  for await (const { event } of connection.readStream(stream, {})) {
    const metadata = event?.metadata as { opsdesk: { schemaVersion: number } };
    rows.push({ version: metadata.opsdesk.schemaVersion, data: event?.data });
  }
  return rows;
}
