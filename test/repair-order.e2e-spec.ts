import { randomUUID } from 'node:crypto';
import { ROLE_IDS, streamNameOf } from '@opsdesk/domain';
import { SteppableClock } from '@opsdesk/platform';
import { CheckpointStore } from '@opsdesk/messaging';
import {
  RepairOrderTimers,
  repairOrderTimerJobId,
  shopBookIdOf,
} from '@opsdesk/runtime';
import { audit } from '../apps/audit/src/testing/audit-harness';
import { eventually } from './support/eventually';
import { reportByStatus } from './support/report-rows';
import { startTestSystem, type TestSystem } from './support/system';

jest.setTimeout(90_000);

type Answer = {
  ticket: {
    id: string;
    number: string;
    status: string;
    holder: { role: string | null };
  };
  events: { type: string; label: { zh: string } }[];
};
type ErrorAnswer = {
  error: { code: string; details: Record<string, unknown> };
};
type View = {
  status: string;
  holderRole: string | null;
  outcome: string | null;
  amountFen: number | null;
  facts: Record<string, unknown>;
  state: Record<string, unknown>;
};

/** `2026-12-07 09:00` in Shanghai as an instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const iso = (local: string) => sh(local).toISOString();

const SUB = { subsidiary: 'sh' };
const admin = { id: 'fleet-chen', role: 'fleet-admin', ...SUB };
const reception = { id: 'rec-zhang', role: 'repair-shop-receptionist', ...SUB };
const quick = { id: 'quick-liu', role: 'repair-quick-team', ...SUB };
const tech = { id: 'tech-li', role: 'repair-technician', ...SUB };
const inspector = { id: 'qc-wang', role: 'repair-quality-inspector', ...SUB };
const cashier = { id: 'cash-zhou', role: 'repair-cashier', ...SUB };

const SHOP = 'SH-MH-01';

const pad = {
  code: 'BP-F',
  description: '更换前刹车片',
  labourFen: 8000,
  partsFen: 32000,
};
const disc = {
  code: 'BD-F',
  description: '更换前刹车盘',
  labourFen: 6000,
  partsFen: 50000,
};

function booking(plate: string, slot: string, extra: object = {}) {
  return {
    shopCode: SHOP,
    kind: 'mechanical-repair',
    vehicle: { plate, model: '荣威 Ei5' },
    customer: { phone: '13800138000', name: '王先生' },
    symptoms: '制动时异响',
    slotStart: iso(slot),
    bring: ['maintenance-manual', 'repair-records'],
    ...extra,
  };
}

function walkIn(plate: string, kind: string) {
  return {
    shopCode: SHOP,
    kind,
    vehicle: { plate, model: '荣威 Ei5' },
    customer: { phone: '13900139000' },
    symptoms: kind === 'quick-repair' ? '刹车片报警' : '发动机故障灯常亮',
    preliminaryDiagnosis:
      kind === 'quick-repair' ? '前刹车片磨损到限' : '疑似点火线圈故障',
  };
}

/**
 * 维修站接待与维修 (issue #13) on a controlled clock, through HTTP →
 * queues → workers → store → projections: booking against the shop's
 * capacity, the one-hour confirmation, reception, the work order,
 * inspection, settlement, delivery and the archive, and each branch.
 */
describe('repair orders, end to end', () => {
  let system: TestSystem;
  const clock = new SteppableClock(sh('2026-12-07 09:00'));

  beforeAll(async () => {
    system = await startTestSystem({}, { clock });
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function typesOf(ticketId: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('repair-order', ticketId),
    );
    return events.map((e) => e.type.replace('repair-order.', ''));
  }

  async function view(ticketId: string, status: string): Promise<View> {
    return eventually(async () => {
      const found = await system.client.get<View>(`/repair-orders/${ticketId}`);
      expect(found.status).toBe(status);
      return found;
    });
  }

  async function act(
    ticketId: string,
    path: string,
    body: object,
    actor: object,
  ): Promise<Answer> {
    return system.client.post<Answer>(
      `/repair-orders/${ticketId}/${path}`,
      body,
      { actor: actor as never },
    );
  }

  async function refused(path: string, body: object, actor: object) {
    const answer = await system.client.send<ErrorAnswer>(path, body, {
      actor: actor as never,
    });
    return answer;
  }

  /** The delayed timer job, once the follower has set it. */
  async function timerJob(ticketId: string, seq: number, kind: string) {
    const queue = system.resources.queues.queue('system');
    return eventually(async () => {
      const job = await queue.getJob(
        repairOrderTimerJobId(ticketId, { bookingSeq: seq, kind } as never),
      );
      expect(job).toBeDefined();
      expect(await job!.getState()).toBe('delayed');
      return job!;
    });
  }

  async function book(plate: string, slot: string, extra: object = {}) {
    const created = await system.client.send<Answer & ErrorAnswer>(
      '/repair-orders',
      booking(plate, slot, extra),
      { actor: reception as never },
    );
    return created;
  }

  let visitA: string;
  let visitB: string;

  describe('the shop’s appointment book', () => {
    it('is set up with one bay and the parts on hand', async () => {
      const answer = await system.client.post<Answer>(
        `/repair-orders/shops/${SHOP}`,
        {
          name: '闵行维修站',
          bays: 1,
          partsOnHand: { 'BP-F': 2 },
          partsLeadHours: 48,
        },
        { actor: admin as never },
      );
      expect(answer.ticket).toMatchObject({
        id: shopBookIdOf(SHOP),
        status: 'OPEN',
      });
    });

    it('is set up by no role but the fleet administrator and reception, appending nothing', async () => {
      const stream = streamNameOf('repair-shop-book', shopBookIdOf(SHOP));
      const before = await system.resources.store.readStream(stream);
      const allowed = ['fleet-admin', 'repair-shop-receptionist'];
      const others = ROLE_IDS.filter(
        (role) => role !== 'system' && !allowed.includes(role),
      );
      const answers = await Promise.all(
        others.map((role) =>
          system.client.send<ErrorAnswer>(
            `/repair-orders/shops/${SHOP}`,
            { name: '占用', bays: 9, partsOnHand: {}, partsLeadHours: 0 },
            {
              actor: { id: `${role}-someone`, role, ...SUB } as never,
              actAs: role,
            },
          ),
        ),
      );
      answers.forEach((answer, i) => {
        expect({ role: others[i], status: answer.status }).toEqual({
          role: others[i],
          status: 403,
        });
        expect(answer.body.error).toMatchObject({
          code: 'ROLE_NOT_PERMITTED',
          details: { permission: 'repair-shop-book:ConfigureShop' },
        });
      });
      expect(await system.resources.store.readStream(stream)).toHaveLength(
        before.length,
      );
    });

    it('books a mechanical repair into the register, with what to bring', async () => {
      const created = await book('沪A·R1001', '2026-12-08 10:00', {
        partsNeeded: { 'BP-F': 1 },
      });
      expect(created.status).toBe(201);
      expect(created.body.ticket.number).toMatch(/^RO-20261207-\d{4}$/);
      expect(created.body.ticket.status).toBe('BOOKED');
      visitA = created.body.ticket.id;
      const stored = await system.resources.store.readStream(
        streamNameOf('repair-order', visitA),
      );
      expect(stored[0].data).toMatchObject({
        bring: ['maintenance-manual', 'repair-records'],
        appointment: {
          bookingSeq: 1,
          slotStart: iso('2026-12-08 10:00'),
          slotEnd: iso('2026-12-08 11:00'),
          partsReserved: { 'BP-F': 1 },
        },
      });
    });

    it('sets the confirmation timer exactly one hour before the appointment', async () => {
      const job = await timerJob(visitA, 1, 'confirm');
      expect(job.data).toMatchObject({
        kind: 'command',
        command: {
          type: 'RequestAppointmentConfirmation',
          payload: { bookingSeq: 1 },
          issuedAt: iso('2026-12-08 09:00'),
        },
      });
      // The clock stands still: the delay is exactly the time to 09:00.
      expect(job.opts.delay).toBe(24 * 3600 * 1000);
    });

    it('gets a confirmation timer Redis lost back from the log', async () => {
      const queue = system.resources.queues.queue('system');
      const lost = await timerJob(visitA, 1, 'confirm');
      await lost.remove();
      // What a restarted follower does first, before following the log.
      const { store, pool, queues, logger } = system.resources;
      const timers = new RepairOrderTimers({
        store,
        checkpoints: new CheckpointStore(pool),
        queues,
        clock,
        logger,
      });
      // The global read may show the visit's last event a moment late.
      await eventually(async () => {
        expect(await timers.reconcile()).toBeGreaterThanOrEqual(1);
        const again = await queue.getJob(lost.id!);
        expect(again?.data).toMatchObject({
          command: { issuedAt: iso('2026-12-08 09:00') },
        });
        expect(await again!.getState()).toBe('delayed');
      });
    });

    it('refuses a booking that would overbook the slot, naming the next free one', async () => {
      const answer = await book('沪A·R2001', '2026-12-08 10:00');
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({
        code: 'REPAIR_SLOT_UNAVAILABLE',
        details: {
          reason: 'fully-booked',
          nextFreeSlot: iso('2026-12-08 11:00'),
        },
      });
    });

    it('refuses a slot inside the preparation margin', async () => {
      const answer = await book('沪A·R2002', '2026-12-07 10:00');
      expect(answer.status).toBe(409);
      expect(answer.body.error.details).toMatchObject({
        reason: 'within-preparation-margin',
        nextFreeSlot: iso('2026-12-07 11:00'),
      });
    });

    it('gives a booking that needs a part not on hand a slot after its lead time', async () => {
      const answer = await book('沪A·R2003', '2026-12-08 11:00', {
        partsNeeded: { 'SHOCK-R': 2 },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.error.details).toMatchObject({
        reason: 'parts-not-on-hand',
        partsToOrder: { 'SHOCK-R': 2 },
        // 09:00 now + 2 h margin + 48 h to get the part.
        nextFreeSlot: iso('2026-12-09 11:00'),
      });
    });

    it('refuses a booking at a shop that has no book', async () => {
      const answer = await book('沪A·R2005', '2026-12-08 11:00', {
        shopCode: 'SH-NOWHERE',
      });
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({
        code: 'REPAIR_SHOP_NOT_FOUND',
        details: { shopCode: 'SH-NOWHERE' },
      });
    });

    it('is another subsidiary’s to neither book, set up again nor read', async () => {
      const jq = { ...reception, subsidiary: 'jq' };
      const before = await system.resources.store.readStream(
        streamNameOf('repair-shop-book', shopBookIdOf(SHOP)),
      );
      const booked = await system.client.send<ErrorAnswer>(
        '/repair-orders',
        booking('沪A·R2006', '2026-12-08 11:00'),
        { actor: jq as never },
      );
      expect(booked.status).toBe(404);
      expect(booked.body.error).toMatchObject({
        code: 'REPAIR_SHOP_NOT_FOUND',
        details: { shopCode: SHOP },
      });
      const reset = await system.client.send<ErrorAnswer>(
        `/repair-orders/shops/${SHOP}`,
        { name: '占用', bays: 9, partsOnHand: {}, partsLeadHours: 0 },
        { actor: { ...admin, subsidiary: 'jq' } as never },
      );
      expect(reset.status).toBe(404);
      expect(reset.body.error.code).toBe('TICKET_NOT_FOUND');
      const read = await system.client.fetch<ErrorAnswer>(
        `/repair-orders/shop-books/${shopBookIdOf(SHOP)}`,
        { actor: jq as never },
      );
      expect(read.status).toBe(404);
      expect(
        await system.resources.store.readStream(
          streamNameOf('repair-shop-book', shopBookIdOf(SHOP)),
        ),
      ).toHaveLength(before.length);
    });

    it('refuses parts that are no part number, naming the key', async () => {
      const answer = await book('沪A·R2007', '2026-12-08 11:00', {
        partsNeeded: { 'BP F': 1 },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toMatchObject({
        fields: [{ field: 'payload.partsNeeded.BP F' }],
      });
    });

    it('refuses quick repairs, which need no appointment', async () => {
      const answer = await book('沪A·R2004', '2026-12-08 11:00', {
        kind: 'quick-repair',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toMatchObject({
        fields: [{ field: 'payload.kind' }],
      });
    });

    it('gives the last bay of a slot to one of two concurrent bookings', async () => {
      const [first, second] = await Promise.all([
        book('沪A·R3001', '2026-12-08 14:00'),
        book('沪A·R3002', '2026-12-08 14:00'),
      ]);
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      const loser = first.status === 409 ? first : second;
      expect(
        (loser.body as unknown as ErrorAnswer).error.details,
      ).toMatchObject({
        reason: 'fully-booked',
        nextFreeSlot: iso('2026-12-08 15:00'),
      });
    });

    it('books a fleet request with its technician, completion time and pickup', async () => {
      const created = await system.client.send<Answer>(
        '/repair-orders',
        booking('沪A·R1002', '2026-12-08 15:00', {
          kind: 'periodic-maintenance',
          fleet: {
            channel: 'sms',
            faultCategory: 'maintenance',
            priority: 'normal',
            technicianId: 'tech-li',
            expectedCompletionAt: iso('2026-12-08 17:00'),
            pickupMethod: 'fleet-collects',
          },
        }),
        { actor: admin as never },
      );
      expect(created.status).toBe(201);
      visitB = created.body.ticket.id;
      expect(await typesOf(visitB)).toEqual([
        'fleet-request-scheduled',
        'appointment-booked',
      ]);
      await timerJob(visitB, 1, 'confirm');
    });
  });

  describe('a quick repair without booking, failed once at inspection, with a fee dispute', () => {
    let q: string;

    it('goes straight to the quick-repair team', async () => {
      const created = await system.client.send<Answer>(
        '/repair-orders/walk-ins',
        walkIn('沪A·R1003', 'quick-repair'),
        { actor: quick as never },
      );
      expect(created.status).toBe(201);
      q = created.body.ticket.id;
      expect(created.body.ticket).toMatchObject({
        status: 'QUICK_RECEPTION',
        holder: { role: 'repair-quick-team' },
      });
      expect(await typesOf(q)).toEqual([
        'walk-in-registered',
        'vehicle-received',
      ]);
    });

    it('goes back to repair after a failed inspection', async () => {
      await act(
        q,
        'authorisation',
        {
          signedBy: '李女士',
          engineNumber: 'EN-1003',
          fault: { symptom: '刹车片报警', location: '前轮' },
          historyNote: '首次来店',
          items: [pad],
          promisedAt: iso('2026-12-07 12:00'),
        },
        quick,
      );
      await act(q, 'work-order', { technicianId: 'tech-li' }, quick);
      await act(q, 'self-check', { note: '已更换' }, tech);
      const failed = await act(
        q,
        'inspection',
        { passed: false, findings: '刹车片安装不到位' },
        inspector,
      );
      expect(failed.ticket).toMatchObject({
        status: 'IN_REPAIR',
        holder: { role: 'repair-technician' },
      });
      await act(q, 'self-check', { note: '重新安装' }, tech);
      const passed = await act(
        q,
        'inspection',
        { passed: true, findings: '路试制动正常' },
        inspector,
      );
      expect(passed.ticket.status).toBe('AWAITING_SETTLEMENT');
    });

    it('settles a fee dispute as its own branch, then only at the agreed total', async () => {
      const disputed = await act(
        q,
        'fee-dispute',
        { reason: '工时费高于报价', disputedFen: 3000 },
        cashier,
      );
      expect(disputed.ticket.status).toBe('FEE_DISPUTE');
      await act(
        q,
        'fee-dispute/resolve',
        { resolution: '减免部分工时费', agreedTotalFen: 37000 },
        cashier,
      );
      const wrong = await refused(
        `/repair-orders/${q}/settle`,
        {
          partsFen: 32000,
          labourFen: 8000,
          otherFen: 0,
          invoiceTitle: '李女士',
        },
        cashier,
      );
      expect(wrong.status).toBe(409);
      expect(wrong.body.error).toMatchObject({
        code: 'REPAIR_COST_LIST_MISMATCH',
        details: { expected: { totalFen: 37000 } },
      });
      const settled = await act(
        q,
        'settle',
        {
          partsFen: 32000,
          labourFen: 5000,
          otherFen: 0,
          invoiceTitle: '李女士',
        },
        cashier,
      );
      expect(settled.ticket.status).toBe('SETTLED');
      await act(q, 'deliver', { slipSignedBy: '李女士', cleaned: true }, quick);
      await act(q, 'archive', {}, reception);
      const archived = await view(q, 'ARCHIVED');
      expect(archived).toMatchObject({
        outcome: 'archived',
        amountFen: 37000,
        facts: { walkIn: true, failedInspections: 1, feeDispute: true },
      });
    });
  });

  describe('a walk-in for a mechanical repair', () => {
    it('is pre-diagnosed and goes to a receptionist', async () => {
      const created = await system.client.send<Answer>(
        '/repair-orders/walk-ins',
        walkIn('沪A·R1004', 'mechanical-repair'),
        { actor: reception as never },
      );
      expect(created.status).toBe(201);
      expect(created.body.ticket).toMatchObject({
        status: 'RECEPTION',
        holder: { role: 'repair-shop-receptionist' },
      });
      const stored = await system.resources.store.readStream(
        streamNameOf('repair-order', created.body.ticket.id),
      );
      expect(stored[0].data).toMatchObject({
        preliminaryDiagnosis: '疑似点火线圈故障',
      });
    });

    it('refuses to name a vehicle-repair ticket that does not exist, appending nothing', async () => {
      const { rows: before } = await system.schema.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM events',
      );
      const answer = await system.client.send<ErrorAnswer>(
        '/repair-orders/walk-ins',
        {
          ...walkIn('沪A·R1005', 'mechanical-repair'),
          vehicleRepairTicketId: randomUUID(),
        },
        { actor: reception as never },
      );
      const { rows: after } = await system.schema.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM events',
      );

      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toMatchObject({
        fields: [{ field: 'vehicleRepairTicketId' }],
      });
      expect(after[0].n).toBe(before[0].n);
    });
  });

  describe('a booked repair from confirmation to archive', () => {
    it('does nothing a second before the confirmation is due', async () => {
      clock.set(new Date(sh('2026-12-08 09:00').getTime() - 1000));
      const early = await refused(
        `/repair-orders/${visitA}/run-due-timers`,
        {},
        reception,
      );
      expect(early.status).toBe(409);
      expect(early.body.error).toMatchObject({
        code: 'REPAIR_TIMER_NOT_DUE',
        details: { dueAt: iso('2026-12-08 09:00') },
      });
    });

    it('asks the customer to confirm one hour before, in the receptionist’s inbox', async () => {
      clock.set(sh('2026-12-08 09:00'));
      const job = await timerJob(visitA, 1, 'confirm');
      await job.promote();
      await view(visitA, 'AWAITING_CONFIRMATION');
      const [asked] = (
        await system.resources.store.readStream(
          streamNameOf('repair-order', visitA),
        )
      ).filter((e) => e.type === 'repair-order.confirmation-requested');
      expect(asked.metadata.decidedAt).toBe(iso('2026-12-08 09:00'));
      await eventually(async () => {
        const inbox = await system.client.get<{
          items: { ticketId: string }[];
        }>('/repair-orders/inbox/repair-shop-receptionist', {
          actor: reception as never,
        });
        expect(inbox.items.map((i) => i.ticketId)).toContain(visitA);
      });
      // Wait for the next timer before the clock moves on.
      await timerJob(visitA, 1, 'expire');
    });

    it('receives, authorises, repairs with an agreed change, inspects, settles and archives', async () => {
      const confirmed = await act(
        visitA,
        'confirmation',
        { confirmed: true },
        reception,
      );
      expect(confirmed.ticket.status).toBe('CONFIRMED');
      clock.set(sh('2026-12-08 10:00'));
      const received = await act(
        visitA,
        'receive',
        { mileageKm: 42000 },
        reception,
      );
      expect(received.ticket.status).toBe('RECEPTION');
      const authorised = await act(
        visitA,
        'authorisation',
        {
          signedBy: '王先生',
          engineNumber: 'EN-7781234',
          fault: {
            symptom: '制动时异响',
            location: '前轮',
            cause: '刹车片磨损',
          },
          historyNote: '上次保养 2026-06',
          items: [pad],
          promisedAt: iso('2026-12-08 17:00'),
        },
        reception,
      );
      expect(authorised.ticket.status).toBe('AUTHORISED');
      clock.set(sh('2026-12-08 10:30'));
      const issued = await act(
        visitA,
        'work-order',
        { technicianId: 'tech-li' },
        reception,
      );
      expect(issued.ticket.holder.role).toBe('repair-technician');
      const [workOrder] = (
        await system.resources.store.readStream(
          streamNameOf('repair-order', visitA),
        )
      ).filter((e) => e.type === 'repair-order.work-order-issued');
      expect(workOrder.data).toMatchObject({
        workOrderNumber: expect.stringMatching(/^WO-20261207-\d{4}$/),
        items: [pad],
        partsReserved: { 'BP-F': 1 },
      });
      await act(
        visitA,
        'progress',
        { progress: '已拆下前轮', customerTold: true },
        tech,
      );
      const proposed = await act(
        visitA,
        'changes',
        { reason: '刹车盘亦磨损', addedItems: [disc] },
        tech,
      );
      expect(proposed.ticket).toMatchObject({
        status: 'CHANGE_PENDING',
        holder: { role: 'repair-shop-receptionist' },
      });
      await act(visitA, 'change-decision', { agreed: true }, reception);
      clock.set(sh('2026-12-08 14:00'));
      await act(visitA, 'self-check', { note: '制动测试合格' }, tech);
      await act(
        visitA,
        'inspection',
        { passed: true, findings: '合格' },
        inspector,
      );
      clock.set(sh('2026-12-08 15:00'));
      const settled = await act(
        visitA,
        'settle',
        {
          partsFen: 82000,
          labourFen: 14000,
          otherFen: 500,
          invoiceTitle: '王先生',
        },
        cashier,
      );
      expect(settled.events.map((e) => e.type)).toEqual([
        'repair-order.repair-costs-settled',
        'repair-order.repair-invoice-issued',
      ]);
      clock.set(sh('2026-12-08 16:00'));
      const delivered = await act(
        visitA,
        'deliver',
        { slipSignedBy: '王先生', cleaned: true },
        reception,
      );
      expect(delivered.ticket.status).toBe('DELIVERED');
      await act(visitA, 'survey', { score: 5, comment: '满意' }, reception);
      clock.set(sh('2026-12-08 16:30'));
      await act(visitA, 'archive', {}, reception);

      expect(await typesOf(visitA)).toEqual([
        'appointment-booked',
        'confirmation-requested',
        'appointment-confirmed',
        'vehicle-received',
        'vehicle-records-registered',
        'repair-authorisation-signed',
        'work-order-issued',
        'repair-progress-reported',
        'repair-change-proposed',
        'repair-change-agreed',
        'self-check-completed',
        'quality-inspection-passed',
        'repair-costs-settled',
        'repair-invoice-issued',
        'repair-slip-signed',
        'vehicle-delivered',
        'satisfaction-surveyed',
        'repair-order-archived',
      ]);
      const archived = await view(visitA, 'ARCHIVED');
      expect(archived).toMatchObject({
        amountFen: 96500,
        facts: {
          // Midnight after the 90th Shanghai day from delivery.
          warrantyUntil: iso('2027-03-09 00:00'),
          surveyScore: 5,
          stageMinutes: {
            reception: 0,
            preparation: 30,
            repair: 210,
            settlement: 60,
            delivery: 60,
            total: 390,
          },
        },
      });
    });
  });

  describe('a booking nobody confirms', () => {
    it('is asked at 14:00, and at 15:00 goes back for a new time, its slot released', async () => {
      // The 15:00 appointment's confirmation is due at 14:00 exactly.
      const confirm = await timerJob(visitB, 1, 'confirm');
      expect(confirm.data).toMatchObject({
        command: { issuedAt: iso('2026-12-08 14:00') },
      });
      clock.set(new Date(sh('2026-12-08 14:00').getTime() - 1000));
      const tooSoon = await refused(
        `/repair-orders/${visitB}/run-due-timers`,
        {},
        reception,
      );
      expect(tooSoon.status).toBe(409);
      expect(tooSoon.body.error).toMatchObject({
        code: 'REPAIR_TIMER_NOT_DUE',
        details: { dueAt: iso('2026-12-08 14:00') },
      });
      clock.set(sh('2026-12-08 14:00'));
      await confirm.promote();
      await view(visitB, 'AWAITING_CONFIRMATION');
      const [asked] = (
        await system.resources.store.readStream(
          streamNameOf('repair-order', visitB),
        )
      ).filter((e) => e.type === 'repair-order.confirmation-requested');
      expect(asked.metadata.decidedAt).toBe(iso('2026-12-08 14:00'));
      const expire = await timerJob(visitB, 1, 'expire');
      expect(expire.data).toMatchObject({
        command: { issuedAt: iso('2026-12-08 15:00') },
      });

      clock.set(new Date(sh('2026-12-08 15:00').getTime() - 1000));
      const early = await refused(
        `/repair-orders/${visitB}/run-due-timers`,
        {},
        reception,
      );
      expect(early.body.error.code).toBe('REPAIR_TIMER_NOT_DUE');

      clock.set(sh('2026-12-08 15:00'));
      await expire.promote();
      const waiting = await view(visitB, 'AWAITING_REBOOKING');
      expect(waiting.holderRole).toBe('repair-shop-receptionist');
      // The slot goes back once the visit has recorded the expiry.
      await eventually(async () => {
        const book = await system.resources.store.readStream(
          streamNameOf('repair-shop-book', shopBookIdOf(SHOP)),
        );
        expect(book.at(-1)).toMatchObject({
          type: 'repair-shop-book.slot-released',
          data: {
            reservationId: expect.stringMatching(`^${visitB}/1/`),
            reason: 'not-confirmed',
          },
        });
      });
    });

    it('is rebooked into a new slot, with a new confirmation timer', async () => {
      const rebooked = await act(
        visitB,
        'rebook',
        { slotStart: iso('2026-12-09 10:00') },
        reception,
      );
      expect(rebooked.ticket.status).toBe('BOOKED');
      // Asked at once, before the read model may have the rebooking: the
      // timer owed is the new booking's, from the log.
      const early = await refused(
        `/repair-orders/${visitB}/run-due-timers`,
        {},
        reception,
      );
      expect(early.body.error).toMatchObject({
        code: 'REPAIR_TIMER_NOT_DUE',
        details: { dueAt: iso('2026-12-09 09:00') },
      });
      const job = await timerJob(visitB, 2, 'confirm');
      expect(job.data).toMatchObject({
        command: { issuedAt: iso('2026-12-09 09:00') },
      });
    });
  });

  describe('a booking the shop cannot keep, rebooked and then declined', () => {
    let visitC: string;

    /** The book's last release, once it matches (it follows the visit). */
    async function lastRelease(expected: object) {
      return eventually(async () => {
        const book = await system.resources.store.readStream(
          streamNameOf('repair-shop-book', shopBookIdOf(SHOP)),
        );
        const last = book
          .filter((e) => e.type === 'repair-shop-book.slot-released')
          .at(-1);
        expect(last).toMatchObject(expected);
        return last;
      });
    }

    it('goes back for a new time once the customer is told in advance', async () => {
      const created = await book('沪A·R1005', '2026-12-09 14:00');
      expect(created.status).toBe(201);
      visitC = created.body.ticket.id;
      await timerJob(visitC, 1, 'confirm');
      const told = await act(
        visitC,
        'shop-cannot-keep',
        { reason: '举升机故障' },
        reception,
      );
      expect(told.ticket.status).toBe('AWAITING_REBOOKING');
      await lastRelease({
        data: {
          reservationId: expect.stringMatching(`^${visitC}/1/`),
          reason: 'shop-cannot-keep',
        },
      });
    });

    it('is rebooked, and a decline at the confirmation call sends it back again', async () => {
      await act(
        visitC,
        'rebook',
        { slotStart: iso('2026-12-09 16:00') },
        reception,
      );
      const job = await timerJob(visitC, 2, 'confirm');
      clock.set(sh('2026-12-09 15:00'));
      await job.promote();
      await view(visitC, 'AWAITING_CONFIRMATION');
      await timerJob(visitC, 2, 'expire');
      const declined = await act(
        visitC,
        'confirmation',
        { confirmed: false, note: '客户临时出差' },
        reception,
      );
      expect(declined.ticket.status).toBe('AWAITING_REBOOKING');
      await lastRelease({
        data: {
          reservationId: expect.stringMatching(`^${visitC}/2/`),
          reason: 'customer-declined',
        },
      });
    });
  });

  describe('a comeback repair', () => {
    it('is flagged at reception when the same vehicle was delivered within 30 days, its plate typed another way', async () => {
      clock.set(sh('2026-12-10 09:00'));
      const created = await system.client.send<Answer>(
        '/repair-orders/walk-ins',
        walkIn('沪ar 1001', 'mechanical-repair'),
        { actor: reception as never },
      );
      expect(created.status).toBe(201);
      const stored = await system.resources.store.readStream(
        streamNameOf('repair-order', created.body.ticket.id),
      );
      const flagged = stored.find(
        (e) => e.type === 'repair-order.comeback-flagged',
      );
      expect(flagged?.data).toMatchObject({
        previousTicketId: visitA,
        // Delivered on 8 December, back on the 10th: Shanghai days.
        daysSinceDelivery: 2,
        withinWarranty: true,
      });
    });

    it('is not looked for in another subsidiary’s repairs', async () => {
      const created = await system.client.send<Answer>(
        '/repair-orders/walk-ins',
        walkIn('沪A·R1001', 'mechanical-repair'),
        { actor: { ...reception, subsidiary: 'jq' } as never },
      );
      expect(created.status).toBe(201);
      expect(await typesOf(created.body.ticket.id)).toEqual([
        'walk-in-registered',
        'vehicle-received',
      ]);
    });
  });

  describe('the reports', () => {
    it('counts repeat repairs per vehicle and time per stage', async () => {
      await eventually(async () => {
        const stats = await system.client.get<{
          vehicles: { plate: string; repairs: number; comebacks: number }[];
          averageStageMinutes: Record<string, number>;
          archived: number;
        }>('/repair-orders/statistics', { actor: reception as never });
        expect(stats.vehicles[0]).toEqual({
          plate: '沪A·R1001',
          repairs: 2,
          comebacks: 1,
        });
        expect(stats.archived).toBe(2);
        expect(stats.averageStageMinutes.preparation).toBeDefined();
      });
      // Another subsidiary's shop sees only its own visit of the car.
      await eventually(async () => {
        const elsewhere = await system.client.get<{ archived: number }>(
          '/repair-orders/statistics',
          { actor: { ...reception, subsidiary: 'jq' } as never },
        );
        expect(elsewhere).toMatchObject({
          archived: 0,
          vehicles: [{ plate: '沪A·R1001', repairs: 1, comebacks: 0 }],
        });
      });
    });

    it('refuses statistics for something that is not one shop code', async () => {
      const answer = await system.client.fetch<ErrorAnswer>(
        `/repair-orders/statistics?shopCode=${encodeURIComponent('SH MH/01')}`,
        { actor: reception as never },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toMatchObject({
        fields: [{ field: 'query.shopCode' }],
      });
    });

    it('shows the shop’s stages in the reporting rows', async () => {
      const rows = await reportByStatus(system.client, '/repair-orders', {
        request: { actor: reception as never },
      });
      const statuses = rows.map((r) => r.status);
      expect(statuses).toEqual(
        expect.arrayContaining(['ARCHIVED', 'BOOKED', 'RECEPTION']),
      );
    });
  });

  describe('the audit tool over this log', () => {
    it('verifies every repair-order and shop-book stream against its table', async () => {
      await eventually(async () => {
        const run = await audit(['verify', '--json'], {
          store: system.resources.store,
        });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const summary = JSON.parse(run.stdout) as {
          ok: boolean;
          processes: Record<string, { streams: number }>;
        };
        expect(summary.ok).toBe(true);
        expect(summary.processes['repair-order'].streams).toBe(8);
        expect(summary.processes['repair-shop-book'].streams).toBe(1);
      });
    });

    it('shows each branch that goes back a step as a loop, and none else', async () => {
      await eventually(async () => {
        const run = await audit(['conformance', '--json'], {
          store: system.resources.store,
        });
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout) as {
          processes: { processId: string }[];
          deviations: {
            processId: string;
            kind: string;
            subject: string;
            tickets: number;
          }[];
        };
        expect(
          report.processes.find((p) => p.processId === 'repair-order'),
        ).toMatchObject({
          tickets: 8,
          // The four still open are on the table's path so far.
          onPathSoFar: 4,
          // A: the agreed change; the quick repair: the failed inspection
          // and the fee dispute; B and C: the rebooking.
          withDeviations: 4,
        });
        const mine = report.deviations
          .filter((d) => d.processId === 'repair-order')
          .map(({ kind, subject, tickets }) => ({ kind, subject, tickets }));
        expect(mine).toEqual(
          expect.arrayContaining([
            { kind: 'loop', subject: 'IN_REPAIR', tickets: 2 },
            { kind: 'loop', subject: 'AWAITING_INSPECTION', tickets: 1 },
            { kind: 'loop', subject: 'AWAITING_SETTLEMENT', tickets: 1 },
            { kind: 'loop', subject: 'BOOKED', tickets: 2 },
            // C waits for a new time a second time.
            { kind: 'loop', subject: 'AWAITING_REBOOKING', tickets: 1 },
          ]),
        );
        expect(mine).toHaveLength(5);
      });
    });
  });
});
