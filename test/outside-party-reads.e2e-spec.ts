import type { TicketView, TimelineEntry } from '@opsdesk/read-models';
import type { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import { ACTIONS, crewFor, type Crew } from './support/station-fault-actions';
import { startTestSystem, type TestSystem } from './support/system';

const PHONE = '13900001111';

/**
 * People outside the operator read only what is theirs: the app's member
 * no ticket at all, a charging-pile supplier station faults without the
 * reporter and its own inbox, and neither any other page.
 */
describe('reads by people outside the operator', () => {
  let system: TestSystem;
  let crew: Crew;
  let supplier: OpsdeskClient;
  let member: OpsdeskClient;
  let ticketId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    crew = await crewFor(system.client);
    supplier = system.client.as({
      id: 'supplier-engineer-01',
      role: 'charging-pile-supplier',
      org: crew.supplierId,
      subsidiary: crew.station.subsidiaryId,
    });
    member = system.client.as({
      id: 'M-310000-9001',
      role: 'user',
      subsidiary: crew.station.subsidiaryId,
    });
    const created = await system.client.post<{ ticket: { id: string } }>(
      '/station-faults',
      ACTIONS[0].body(crew),
    );
    ticketId = created.ticket.id;
    await system.client.waitForTicket(ticketId, (t) => t.status === 'RECORDED');
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('shows the centre the reporter’s phone', async () => {
    const view = await system.client.get<TicketView>(
      `/station-faults/${ticketId}`,
    );
    expect(view.reporterPhone).toBe(PHONE);
  });

  it('shows a supplier the station fault, its list and timeline, without the reporter', async () => {
    const view = await supplier.get<TicketView>(`/station-faults/${ticketId}`);
    const { items } = await supplier.get<{ items: TicketView[] }>(
      '/station-faults',
    );
    const { entries } = await supplier.get<{ entries: TimelineEntry[] }>(
      `/station-faults/${ticketId}/timeline`,
    );

    expect(view).toMatchObject({
      ticketId,
      stationId: crew.station.id,
      reporterName: null,
      reporterPhone: null,
    });
    expect(items.find((t) => t.ticketId === ticketId)).toMatchObject({
      reporterPhone: null,
    });
    const call = entries.find((e) => e.type === 'station-fault.call-received')!;
    expect(call.summaryZh).toBe(call.labelZh);
    expect(JSON.stringify([view, items, entries])).not.toContain(PHONE);
  });

  it('shows a supplier its own inbox and refuses every other page', async () => {
    const own = await supplier.fetch('/inbox/charging-pile-supplier');
    const others = await Promise.all(
      [
        '/inbox/cs-phone-agent',
        '/phone-callbacks',
        '/invoices',
        '/reports/summary',
        '/dead-letters',
      ].map((path) => supplier.fetch(path)),
    );

    expect(own.status).toBe(200);
    expect(others.map((answer) => answer.status)).toEqual([
      403, 403, 403, 403, 403,
    ]);
    expect(others[0].body).toMatchObject({
      error: {
        code: 'ROLE_NOT_PERMITTED',
        details: { role: 'charging-pile-supplier', permission: 'tickets:read' },
      },
    });
  });

  it('shows the app’s member no station fault, but the stations', async () => {
    const reads = await Promise.all(
      [`/station-faults/${ticketId}`, '/station-faults', '/stations'].map(
        (path) => member.fetch(path),
      ),
    );
    expect(reads.map((answer) => answer.status)).toEqual([403, 403, 200]);
  });
});
