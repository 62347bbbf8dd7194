import { processOfStream } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { openFields, type DataKeyVault } from '@opsdesk/platform';
import type { PoolClient } from 'pg';
import { transactionKeys } from './transaction-keys';

/** Opens the personal data a projection is about to store. */
export interface PersonalDataOpener {
  /**
   * The events with their sealed personal data opened, or left out where
   * the stream's key has been erased, in the same order. Runs in the
   * projection's transaction.
   */
  open(
    client: PoolClient,
    events: readonly RecordedEvent[],
  ): Promise<RecordedEvent[]>;
}

/**
 * Opens with the keys of the vault, all a page needs in one look-up (one
 * for every read model sharing the page's transaction). The key rows are
 * share-locked for the rest of the transaction, so an erasure either
 * comes first (nothing opens) or waits and then scrubs what was just
 * written.
 */
export function vaultOpener(vault: DataKeyVault): PersonalDataOpener {
  return {
    async open(client, events) {
      const subjects = sealedSubjects(events);
      if (subjects.length === 0) return [...events];
      return openWithKeys(events, await keysOf(vault, client, subjects));
    },
  };
}

/** The subjects (streams) whose keys the events' sealed data needs. */
export function sealedSubjects(events: readonly RecordedEvent[]): string[] {
  const subjects = events
    .filter((event) => sealedPaths(event))
    .map((event) => event.streamName);
  return [...new Set(subjects)];
}

/**
 * The events with their sealed data opened with `keys`; a subject with no
 * key (erased) has those fields left out.
 */
export function openWithKeys(
  events: readonly RecordedEvent[],
  keys: ReadonlyMap<string, Buffer | null>,
): RecordedEvent[] {
  return events.map((event) => {
    const paths = sealedPaths(event);
    if (!paths) return event;
    const key = keys.get(event.streamName) ?? null;
    return {
      ...event,
      data: openFields(event.data, paths, key, event.streamName),
    };
  });
}

/** The subjects' keys, from the transaction's look-ups where it has made them. */
async function keysOf(
  vault: DataKeyVault,
  client: PoolClient,
  subjects: readonly string[],
): Promise<ReadonlyMap<string, Buffer | null>> {
  const known = transactionKeys(client);
  const wanted = known ? subjects.filter((s) => !known.has(s)) : subjects;
  const found =
    wanted.length > 0 ? await vault.existingKeys(wanted, client) : new Map();
  if (!known) return found;
  for (const subject of wanted) known.set(subject, found.get(subject) ?? null);
  return known;
}

/** The paths of the event's sealed personal data, if it has any. */
function sealedPaths(event: RecordedEvent): readonly string[] | undefined {
  const personal = processOfStream(event.streamName)?.personalData as
    Record<string, readonly string[]> | undefined;
  return personal?.[event.type];
}

/** The events as a projection should see them under its options. */
export async function openedEvents(
  opener: PersonalDataOpener | undefined,
  client: PoolClient,
  events: readonly RecordedEvent[],
): Promise<readonly RecordedEvent[]> {
  return opener ? opener.open(client, events) : events;
}
