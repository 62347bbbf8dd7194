import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@opsdesk/event-store';
import { sealFields, type DataKeyVault } from '@opsdesk/platform';

/**
 * A new station fault's call-received event as stored: the reporter's
 * name and phone sealed with the ticket's key, which the vault makes.
 */
export async function sealedCallReceived(
  vault: DataKeyVault,
  reporter: Record<string, string>,
): Promise<RecordedEvent> {
  const stream = `station-fault-${randomUUID()}`;
  const key = await vault.keyFor(stream);
  if (!key) throw new Error(`${stream} is erased`);
  const paths = ['reporter.name', 'reporter.phone'];
  return {
    streamName: stream,
    revision: 0,
    position: '1/1',
    eventId: randomUUID(),
    type: 'station-fault.call-received',
    schemaVersion: 1,
    data: sealFields({ reporter }, paths, key, stream),
    metadata: {} as RecordedEvent['metadata'],
    recordedAt: new Date().toISOString(),
    hash: '',
    previousHash: '',
  };
}
