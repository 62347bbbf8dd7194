import {
  blockedGate,
  brokenChargingPile,
  onSiteRepair,
} from '../apps/api/src/demo/scenarios';
import type { TimelineEntry } from '../apps/api/src/demo/opsdesk-client';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';
import { eventTypesOf, handoffsOf, holdersOf } from './support/ticket-history';

/**
 * The manual's three scenarios through HTTP → queues → workers → event
 * store → process manager → projections, on real Redis and PostgreSQL.
 */
describe('station fault reporting, end to end', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function settledTimeline(ticketId: string, length: number) {
    return eventually(async () => {
      const { entries } = await system.client.get<{ entries: TimelineEntry[] }>(
        `/station-faults/${ticketId}/timeline`,
      );
      expect(entries).toHaveLength(length);
      return entries;
    });
  }

  async function inboxRowsOf(ticketId: string) {
    const { rows } = await system.schema.pool.query(
      'SELECT * FROM inbox_items WHERE ticket_id = $1',
      [ticketId],
    );
    return rows;
  }

  describe('(a) a property manager reports a broken charging pile', () => {
    it('travels inspector → station manager → operations → supplier and back to the centre', async () => {
      const result = await brokenChargingPile(system.client);

      expect(
        await eventTypesOf(system.resources.store, result.ticketId),
      ).toEqual([
        'call-received',
        'fault-recorded',
        'task-created',
        'dispatched-to-region',
        'inspection-assigned',
        'inspector-arrived',
        'fault-not-cleared',
        'unresolved-reported-to-dispatch',
        'escalated-to-station-manager',
        'ops-task-assigned',
        'fault-classified',
        'supplier-dispatched',
        'supplier-handling-completed',
        'result-reported-to-station-manager',
        'result-notified-to-customer-service',
        'reporter-informed',
        'ticket-closed',
      ]);
      expect(await holdersOf(system.resources.store, result.ticketId)).toEqual([
        'cs-phone-agent',
        'dispatch-manager',
        'regional-platform',
        'regional-inspector',
        'regional-platform',
        'dispatch-manager',
        'station-manager',
        'station-ops-team',
        'charging-pile-supplier',
        'station-ops-team',
        'station-manager',
        'cs-phone-agent',
        null,
      ]);

      const ticket = await system.client.get(
        `/station-faults/${result.ticketId}`,
      );
      expect(ticket).toMatchObject({
        status: 'CLOSED',
        statusZh: '已关闭',
        holderRole: null,
        reporterType: 'property-management',
        suspectedChargingPile: true,
        isChargingPileIssue: true,
        finalStatus: 'repaired-by-supplier',
        lastRevision: 16,
      });
      expect(ticket.ticketNumber).toMatch(/^SF-\d{8}-\d{4}$/);
      expect(ticket.supplierId).toEqual(expect.any(String));
      expect(await inboxRowsOf(result.ticketId)).toEqual([]);

      const timeline = await settledTimeline(result.ticketId, 17);
      expect(timeline.map((e) => e.labelZh)).toContain(
        '指派充电桩供应商到场处理',
      );
      expect(timeline.every((e) => e.labelZh && e.labelEn)).toBe(true);

      // Every hand-off to a role with a worker was announced exactly once.
      expect(await handoffsOf(system.schema.pool, result.ticketId)).toEqual([
        'cs-phone-agent',
        'dispatch-manager',
        'regional-platform',
        'regional-inspector',
        'regional-platform',
        'dispatch-manager',
        'station-manager',
        'station-ops-team',
        'charging-pile-supplier',
        'station-ops-team',
        'station-manager',
        'cs-phone-agent',
      ]);
    });
  });

  describe('(b) a user reports a blocked gate', () => {
    it('is cleared by the inspector and the result still reaches the centre (gap G-d)', async () => {
      const result = await blockedGate(system.client);

      expect(
        await eventTypesOf(system.resources.store, result.ticketId),
      ).toEqual([
        'call-received',
        'fault-recorded',
        'task-created',
        'dispatched-to-region',
        'inspection-assigned',
        'inspector-arrived',
        'fault-cleared-by-inspector',
        'result-notified-to-customer-service',
        'reporter-informed',
        'ticket-closed',
      ]);
      expect(await holdersOf(system.resources.store, result.ticketId)).toEqual([
        'cs-phone-agent',
        'dispatch-manager',
        'regional-platform',
        'regional-inspector',
        'regional-platform',
        'cs-phone-agent',
        null,
      ]);

      const ticket = await system.client.get(
        `/station-faults/${result.ticketId}`,
      );
      expect(ticket).toMatchObject({
        status: 'CLOSED',
        reporterType: 'user',
        finalStatus: 'cleared-by-inspector',
        holderRole: null,
        lastRevision: 9,
      });
      expect(await inboxRowsOf(result.ticketId)).toEqual([]);
      const timeline = await settledTimeline(result.ticketId, 10);
      const notified = timeline.find(
        (e) => e.type === 'station-fault.result-notified-to-customer-service',
      );
      expect(notified).toMatchObject({
        actorRole: 'regional-platform',
        actorKind: 'automatic',
      });
    });
  });

  describe('(c) a fault that is not the charging pile', () => {
    it('is repaired on site by operations with the maintenance process linked', async () => {
      const result = await onSiteRepair(system.client);

      expect(
        await eventTypesOf(system.resources.store, result.ticketId),
      ).toEqual([
        'call-received',
        'fault-recorded',
        'task-created',
        'dispatched-to-region',
        'inspection-assigned',
        'inspector-arrived',
        'fault-not-cleared',
        'unresolved-reported-to-dispatch',
        'escalated-to-station-manager',
        'ops-task-assigned',
        'fault-classified',
        'on-site-repair-started',
        'ops-repair-completed',
        'result-reported-to-station-manager',
        'result-notified-to-customer-service',
        'reporter-informed',
        'ticket-closed',
      ]);
      expect(await holdersOf(system.resources.store, result.ticketId)).toEqual([
        'cs-phone-agent',
        'dispatch-manager',
        'regional-platform',
        'regional-inspector',
        'regional-platform',
        'dispatch-manager',
        'station-manager',
        'station-ops-team',
        'station-manager',
        'cs-phone-agent',
        null,
      ]);

      const ticket = await system.client.get<{
        state: { repairTicketId?: string };
      }>(`/station-faults/${result.ticketId}`);
      expect(ticket).toMatchObject({
        status: 'CLOSED',
        isChargingPileIssue: false,
        finalStatus: 'repaired-by-ops-team',
      });
      expect(ticket.state.repairTicketId).toMatch(/^SRM-/);
      await settledTimeline(result.ticketId, 17);
      expect(await inboxRowsOf(result.ticketId)).toEqual([]);
    });
  });
});
