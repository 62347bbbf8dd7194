import { processOfStream } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { openFields, type DataKeyVault } from '@opsdesk/platform';
import type { PoolClient } from 'pg';

/** Opens the personal data a projection is about to store. */
export interface PersonalDataOpener {
  /**
   * The event with its sealed personal data opened, or left out when the
   * stream's key has been erased. Runs in the projection's transaction.
   */
  open(client: PoolClient, event: RecordedEvent): Promise<RecordedEvent>;
}

/**
 * Opens with the keys of the vault. The key row is share-locked for the
 * rest of the projection's transaction, so an erasure either comes first
 * (nothing opens) or waits and then scrubs what was just written.
 */
export function vaultOpener(vault: DataKeyVault): PersonalDataOpener {
  return {
    async open(client, event) {
      const personal = processOfStream(event.streamName)?.personalData as
        Record<string, readonly string[]> | undefined;
      const paths = personal?.[event.type];
      if (!paths) return event;
      const key = await vault.existingKey(event.streamName, client);
      return {
        ...event,
        data: openFields(event.data, paths, key, event.streamName),
      };
    },
  };
}

/** The event as a projection should see it under its options. */
export async function openedEvent(
  opener: PersonalDataOpener | undefined,
  client: PoolClient,
  event: RecordedEvent,
): Promise<RecordedEvent> {
  return opener ? opener.open(client, event) : event;
}
