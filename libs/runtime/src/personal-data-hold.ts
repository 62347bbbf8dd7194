import type { PersonalDataHold } from '@opsdesk/messaging';
import { inTransaction, type DataKeyVault } from '@opsdesk/platform';
import { openWithKeys, sealedSubjects } from '@opsdesk/read-models';
import type { Pool } from 'pg';

/**
 * A copy stalled mid-way ends its session (and so its hold) after this,
 * rather than keep an erasure waiting; the automation then tries again.
 */
const IDLE_LIMIT = "SET LOCAL idle_in_transaction_session_timeout = '60s'";

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
  return (events, work) =>
    inTransaction(pool, async (client) => {
      await client.query(IDLE_LIMIT);
      const keys = await vault.holdKeys(sealedSubjects(events), client);
      return work(openWithKeys(events, keys));
    });
}
