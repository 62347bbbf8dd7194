import type { PersonalDataHold } from '@opsdesk/messaging';
import type { DataKeyVault } from '@opsdesk/platform';
import { openWithKeys, sealedSubjects } from '@opsdesk/read-models';
import type { Pool } from 'pg';

/**
 * A copy stalled mid-way ends its session (and so its hold) after this,
 * rather than keep an erasure waiting; the automation then tries again.
 */
const BEGIN_WITH_IDLE_LIMIT =
  "BEGIN; SET LOCAL idle_in_transaction_session_timeout = '60s'";

/**
 * Personal data opened for automation that copies it (the reporter's
 * phone onto a call-back), in a transaction that holds the keys it opened
 * with (`DataKeyVault.holdKeys`) until the copy is written: an erasure of
 * those keys waits for it, and then finds the copy to erase. Erased data
 * stays out. The transaction writes nothing and takes no id, so the log's
 * readers do not wait for it.
 */
export function personalDataHold(
  pool: Pool,
  vault: DataKeyVault,
): PersonalDataHold {
  return async (events, work) => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(BEGIN_WITH_IDLE_LIMIT);
      const keys = await vault.holdKeys(sealedSubjects(events), client);
      const result = await work(openWithKeys(events, keys));
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
