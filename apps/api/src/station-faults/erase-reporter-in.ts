import { streamNameOf, STATION_FAULT_PROCESS_ID } from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import { callbackStreamsOf } from '@opsdesk/messaging';
import type { DataKeyVault, Erasure } from '@opsdesk/platform';
import {
  dropStagingLeftovers,
  eraseFromBackups,
  erasePersonalDataFromProcessReadModels,
  eraseReporterFromReadModels,
} from '@opsdesk/read-models';
import type { PoolClient } from 'pg';

/**
 * A reporter's erasure inside the caller's transaction, in three steps:
 *
 * 1. every key that seals a copy: the ticket's, then those of the
 *    call-backs its results opened (each keeps the reporter as its
 *    contact under a key of its own). The call-backs are found in the
 *    ticket's events read once its key is deleted: the process linker
 *    holds that key while it copies the reporter onto a call-back, so the
 *    delete waits for any copy under way and the read then sees its cause;
 * 2. the erasures recorded, which a rebuild's swap reads after the keys
 *    (see erasures-during-rebuild.ts);
 * 3. the read models scrubbed of every copy, the tables a rebuild kept
 *    as a backup included, and the staging tables a failed or stopped
 *    rebuild left dropped.
 *
 * Keys first and rows after, while a projection's page locks its rows and
 * then the keys it opens: the two may end as a deadlock (40P01), which
 * rolls the erasure back whole, for the caller to make again.
 */
export async function eraseReporterIn(
  client: PoolClient,
  deps: { store: EventStore; vault: DataKeyVault },
  ticketId: string,
  erasedBy: Record<string, unknown>,
): Promise<Erasure> {
  const ticket = streamNameOf(STATION_FAULT_PROCESS_ID, ticketId);
  await deps.vault.deleteKeys([ticket], client);
  const callbacks = callbackStreamsOf(await deps.store.readStream(ticket));
  await deps.vault.deleteKeys(callbacks, client);

  const [erasure] = await deps.vault.recordErasures(
    [ticket, ...callbacks],
    erasedBy,
    client,
  );

  await eraseReporterFromReadModels(client, ticketId);
  for (const callback of callbacks) {
    await erasePersonalDataFromProcessReadModels(client, callback);
  }
  for (const subject of [ticket, ...callbacks]) {
    await eraseFromBackups(client, subject);
    await dropStagingLeftovers(client, subject);
  }
  return erasure;
}
