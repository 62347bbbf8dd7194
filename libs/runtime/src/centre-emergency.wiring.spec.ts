import { randomUUID } from 'node:crypto';
import { streamNameOf } from '@opsdesk/domain';
import { InMemoryEventStore, type EventMetadata } from '@opsdesk/event-store';
import type {
  CommandEnvelope,
  TicketNumberAllocator,
} from '@opsdesk/messaging';
import { createLogger } from '@opsdesk/platform';
import type { Pool } from 'pg';
import { centreEmergencyWiring, linkTargetOf } from './centre-emergency.wiring';

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

  it('finds a station fault with the number of its call and the subsidiary of its station', async () => {
    const store = await storeWithOrderAnomaly();
    const metadata: EventMetadata = {
      commandId: randomUUID(),
      causationId: 'c',
      correlationId: 'c',
      actor: { id: 'agent-1', role: 'cs-phone-agent', kind: 'person' },
    };
    await store.appendToStream(
      streamNameOf('station-fault', TICKET_ID),
      [
        {
          eventId: randomUUID(),
          type: 'station-fault.call-received',
          schemaVersion: 1,
          data: {
            ticketNumber: 'SF-20261003-0007',
            reporter: { type: 'member', name: '王先生', phone: '13800138000' },
            callTime: '2026-10-03T01:55:00.000Z',
            channel: 'phone',
          },
          metadata,
        },
        {
          eventId: randomUUID(),
          type: 'station-fault.fault-recorded',
          schemaVersion: 1,
          data: {
            station: {
              id: 'ST-310101-001',
              name: '人民广场站',
              address: '黄浦区人民大道 1 号',
              district: '黄浦区',
              street: '人民广场街道',
              regionId: 'central-city',
              subsidiaryId: 'sh',
            },
            faultDescription: '充电桩无法启动',
            suspectedChargingPile: true,
          },
          metadata,
        },
      ],
      { expectedRevision: 'no-stream' },
    );

    await expect(
      linkTargetOf(store, { processId: 'station-fault', ticketId: TICKET_ID }),
    ).resolves.toEqual({
      found: true,
      ticketNumber: 'SF-20261003-0007',
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

describe('the preparer of a back-filled task', () => {
  async function backfillPreparer() {
    const store = await storeWithOrderAnomaly();
    const preparers = new Map(
      centreEmergencyWiring.preparers!({
        // Neither is read by this preparer.
        numbers: {} as TicketNumberAllocator,
        pool: {} as Pool,
        store,
      }),
    );
    return preparers.get('centre-emergency/BackfillTask')!;
  }

  function envelope(payload: unknown): CommandEnvelope {
    return {
      commandId: randomUUID(),
      processId: 'centre-emergency',
      ticketId: randomUUID(),
      type: 'BackfillTask',
      payload: payload as Record<string, unknown>,
      actor: { id: 'agent-1', role: 'cs-phone-agent', kind: 'person' },
      correlationId: 'c',
      causationId: 'c',
      issuedAt: '2026-10-10T04:00:00.000Z',
    };
  }

  it('puts the look-up of the named ticket in place of whatever was sent', async () => {
    const prepare = await backfillPreparer();
    const prepared = await prepare(
      envelope({
        entryId: 'H1',
        task: '补建工单',
        ticket: { processId: 'order-anomaly', ticketId: TICKET_ID },
        target: { found: true, subsidiaryId: 'jq' },
      }),
      { status: 'RECOVERING' },
    );
    expect(prepared.payload.target).toEqual({
      found: true,
      ticketNumber: 'OA-20261003-0001',
      subsidiaryId: 'sh',
    });
  });

  it('drops a target sent without a ticket', async () => {
    const prepare = await backfillPreparer();
    const prepared = await prepare(
      envelope({ entryId: 'H1', task: '补建工单', target: { found: true } }),
      { status: 'RECOVERING' },
    );
    expect(prepared.payload).toEqual({ entryId: 'H1', task: '补建工单' });
  });

  it('passes a payload that is no object on untouched, for the decider to refuse', async () => {
    const prepare = await backfillPreparer();
    for (const payload of [null, 'H1', 7]) {
      const command = envelope(payload);
      await expect(prepare(command, { status: 'RECOVERING' })).resolves.toBe(
        command,
      );
    }
  });
});
