import { randomUUID } from 'node:crypto';
import { streamNameOf } from '@opsdesk/domain';
import { InMemoryEventStore } from '@opsdesk/event-store';
import { createLogger } from '@opsdesk/platform';
import { linkTargetOf } from './centre-emergency.wiring';

const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000025';

async function storeWithOrderAnomaly(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore({
    logger: createLogger('spec', 'silent'),
  });
  await store.appendToStream(
    streamNameOf('order-anomaly', TICKET_ID),
    [
      {
        eventId: randomUUID(),
        type: 'order-anomaly.reported',
        schemaVersion: 1,
        data: { ticketNumber: 'OA-20261003-0001', subsidiaryId: 'sh' },
        metadata: {
          commandId: randomUUID(),
          causationId: 'c',
          correlationId: 'c',
          actor: { id: 'agent-1', role: 'cs-phone-agent', kind: 'person' },
        },
      },
    ],
    { expectedRevision: 'no-stream' },
  );
  return store;
}

describe('the look-up of a ticket to link to an emergency', () => {
  it('finds a ticket of a registered process with its number and subsidiary', async () => {
    const store = await storeWithOrderAnomaly();
    await expect(
      linkTargetOf(store, { processId: 'order-anomaly', ticketId: TICKET_ID }),
    ).resolves.toEqual({
      found: true,
      ticketNumber: 'OA-20261003-0001',
      subsidiaryId: 'sh',
    });
  });

  it('finds nothing for an unknown ticket, an unknown process or no reference', async () => {
    const store = await storeWithOrderAnomaly();
    for (const ref of [
      { processId: 'order-anomaly', ticketId: randomUUID() },
      { processId: 'toString', ticketId: TICKET_ID },
      { processId: 'no-such-process', ticketId: TICKET_ID },
      undefined,
    ]) {
      await expect(linkTargetOf(store, ref)).resolves.toEqual({
        found: false,
      });
    }
  });
});
