import type { RecordedEvent } from '@opsdesk/event-store';
import { DataKeyVault } from '@opsdesk/platform';
import { vaultOpener, type PersonalDataOpener } from '@opsdesk/read-models';
import type { Pool } from 'pg';

// PostgreSQL's "relation does not exist": a schema from before sealing.
const UNDEFINED_TABLE = '42P01';

/**
 * What the live projector uses to open sealed personal data (a reporter's
 * name and phone), so a rebuild stores the same rows it does.
 */
export function personalDataOpener(pool: Pool): PersonalDataOpener {
  return vaultOpener(new DataKeyVault(pool));
}

/**
 * The events with their personal data opened with the ticket's key, for
 * people reading a history; after an erasure those fields are absent. A
 * schema without the key table (nothing was ever sealed) reads as stored.
 */
export async function openedForReading(
  pool: Pool,
  events: readonly RecordedEvent[],
): Promise<RecordedEvent[]> {
  const opener = personalDataOpener(pool);
  const client = await pool.connect();
  try {
    return await opener.open(client, events);
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) {
      return [...events];
    }
    throw error;
  } finally {
    client.release();
  }
}
