import type { PersonalDataHold } from '@opsdesk/messaging';
import type { DataKeyVault } from '@opsdesk/platform';
import { vaultOpener } from '@opsdesk/read-models';
import type { Pool } from 'pg';

/**
 * Personal data opened for automation that copies it (the reporter's
 * phone onto a call-back), in a transaction that share-locks the keys it
 * opened with until the copy is written: an erasure of those keys waits
 * for it, and then finds the copy to erase. Erased data stays out.
 */
export function personalDataHold(
  pool: Pool,
  vault: DataKeyVault,
): PersonalDataHold {
  const opener = vaultOpener(vault);
  return async (events, work) => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(await opener.open(client, events));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A client whose rollback failed is in an unknown state: destroy it.
      client.release(broken);
    }
  };
}
