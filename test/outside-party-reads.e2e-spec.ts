import type {
  InboxItem,
  TicketView,
  TimelineEntry,
} from '@opsdesk/read-models';
import { issueToken } from '../apps/api/src/auth/bearer-tokens';
import type { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import { eventually } from './support/eventually';
import { crewFor, ticketIn, type Crew } from './support/station-fault-actions';
import { startTestSystem, type TestSystem } from './support/system';

const PHONE = '13900001111';

/**
 * People outside the operator read only what is theirs: the app's member
 * no ticket at all, a charging-pile supplier the station faults handed
 * to it, without the reporter, and its own inbox, and neither any other
 * page.
 */
describe('reads by people outside the operator', () => {
  let system: TestSystem;
  let crew: Crew;
  let supplier: OpsdeskClient;
  let otherSupplier: OpsdeskClient;
  let member: OpsdeskClient;
  /** Handed to `supplier`'s firm. */
  let ticketId: string;
  /** Still at the call centre, handed to no supplier. */
  let recordedId: string;

  beforeAll(async () => {
    system = await startTestSystem({
      ROUTING_MODE: 'manual',
      ASSIGNMENT_MODE: 'manual',
    });
    crew = await crewFor(system.client);
    const supplierOf = (id: string, org: string) =>
      system.client.as({
        id,
        role: 'charging-pile-supplier',
        org,
        subsidiary: crew.station.subsidiaryId,
      });
    supplier = supplierOf('supplier-engineer-01', crew.supplierId);
    otherSupplier = supplierOf('supplier-engineer-02', 'sup-another-firm');
    member = system.client.as({
      id: 'M-310000-9001',
      role: 'user',
      subsidiary: crew.station.subsidiaryId,
    });
    recordedId = await ticketIn(system.client, crew, 'RECORDED');
    ticketId = await ticketIn(system.client, crew, 'SUPPLIER_HANDLING');
    await system.client.waitForTicket(
      recordedId,
      (t) => t.status === 'RECORDED',
    );
    await system.client.waitForTicket(
      ticketId,
      (t) => t.status === 'SUPPLIER_HANDLING',
    );
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

  it('shows a supplier the station fault handed to it, its list and timeline, without the reporter', async () => {
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

  it('answers a supplier as if a station fault not handed to it did not exist', async () => {
    const reads = await Promise.all(
      [
        [supplier, `/station-faults/${recordedId}`],
        [supplier, `/station-faults/${recordedId}/timeline`],
        [otherSupplier, `/station-faults/${ticketId}`],
        [otherSupplier, `/station-faults/${ticketId}/timeline`],
      ].map(([client, path]) =>
        (client as OpsdeskClient).fetch(path as string),
      ),
    );
    const own = await supplier.get<{ items: TicketView[] }>('/station-faults');
    const other = await otherSupplier.get<{ items: TicketView[] }>(
      '/station-faults',
    );

    expect(reads.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(reads[0].body).toMatchObject({
      error: { code: 'TICKET_NOT_FOUND' },
    });
    expect(own.items.map((t) => t.ticketId)).toEqual([ticketId]);
    expect(other.items).toEqual([]);
  });

  it('shows a supplier only the inbox items it holds', async () => {
    const inbox = (client: OpsdeskClient, query = '') =>
      client.get<{ items: InboxItem[] }>(
        `/inbox/charging-pile-supplier${query}`,
      );
    const own = await eventually(async () => {
      const answer = await inbox(supplier);
      expect(answer.items.map((item) => item.ticketId)).toEqual([ticketId]);
      return answer;
    });
    const other = await inbox(otherSupplier);
    const asking = await inbox(otherSupplier, `?assigneeId=${crew.supplierId}`);

    expect(own.items[0].assigneeId).toBe(crew.supplierId);
    expect(other.items).toEqual([]);
    expect(asking.items).toEqual([]);
  });

  it('answers another firm’s command on a supplier’s fault as if it did not exist, its lead’s too', async () => {
    const lead = system.client.as({
      id: 'supplier-lead-02',
      role: 'charging-pile-supplier-lead',
      org: 'sup-another-firm',
      subsidiary: crew.station.subsidiaryId,
    });
    const result = { outcome: 'fixed', result: '已更换充电模块' };
    // A member's role beside the supplier's does not take it past the check.
    const memberToo = issueToken(
      {
        id: 'supplier-engineer-04',
        roles: ['charging-pile-supplier', 'user'],
        org: 'sup-another-firm',
        subsidiary: crew.station.subsidiaryId,
      },
      system.signingKey,
      600,
    );
    const path = `/station-faults/${ticketId}/supplier-result`;

    const answers = [
      ...(await Promise.all(
        [otherSupplier, lead].map((client) =>
          client.send<{ error: { code: string } }>(path, result),
        ),
      )),
      await system.client.send<{ error: { code: string } }>(path, result, {
        token: memberToo,
      }),
    ];
    const view = await system.client.get<TicketView>(
      `/station-faults/${ticketId}`,
    );

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'TICKET_NOT_FOUND'],
      [404, 'TICKET_NOT_FOUND'],
      [404, 'TICKET_NOT_FOUND'],
    ]);
    expect(view.status).toBe('SUPPLIER_HANDLING');
  });

  it('shows a supplier’s token that names no firm no station fault', async () => {
    const noFirm = system.client.as({
      id: crew.supplierId,
      role: 'charging-pile-supplier',
      subsidiary: crew.station.subsidiaryId,
    });
    const { items } = await noFirm.get<{ items: TicketView[] }>(
      '/station-faults',
    );
    const view = await noFirm.fetch(`/station-faults/${ticketId}`);

    expect(items).toEqual([]);
    expect(view.status).toBe(404);
  });

  it('reads a token of a member and a supplier as a member’s', async () => {
    const token = issueToken(
      {
        id: 'supplier-engineer-03',
        roles: ['charging-pile-supplier', 'user'],
        org: crew.supplierId,
        subsidiary: crew.station.subsidiaryId,
      },
      system.signingKey,
      600,
    );
    const reads = await Promise.all(
      ['/station-faults', `/station-faults/${ticketId}`, '/stations'].map(
        (path) => system.client.fetch(path, { token }),
      ),
    );

    expect(reads.map((answer) => answer.status)).toEqual([403, 403, 200]);
    expect(reads[0].body).toMatchObject({
      error: { details: { role: 'user', permission: 'tickets:read' } },
    });
  });

  it('lets no outside party run the timers’ hooks', async () => {
    const someTicket = '01956f3a-7c2e-7a10-9b1e-0a00000000ff';
    const answers = await Promise.all(
      [
        [supplier, `/repair-orders/${someTicket}/run-due-timers`],
        [member, `/repair-orders/${someTicket}/run-due-timers`],
        [member, `/traffic-violations/${someTicket}/run-due-steps`],
        // Routes match whatever the case; so does the gate.
        [member, `/repair-orders/${someTicket}/Run-Due-Timers`],
      ].map(([client, path]) =>
        (client as OpsdeskClient).send<{ error: unknown }>(path as string, {}),
      ),
    );

    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    expect(answers[0].body.error).toMatchObject({
      code: 'ROLE_NOT_PERMITTED',
      details: { permission: 'timers:run' },
    });
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
