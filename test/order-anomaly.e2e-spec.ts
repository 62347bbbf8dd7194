import { streamNameOf } from '@opsdesk/domain';
import { audit } from '../apps/audit/src/testing/audit-harness';
import { eventually } from './support/eventually';
import { reportByStatus } from './support/report-rows';
import { startTestSystem, type TestSystem } from './support/system';

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
  ticketNumber: string;
  terminal: boolean;
};
type Timeline = {
  entries: { type: string; labelZh: string; summaryZh: string | null }[];
};

const agent = { id: 'agent-0107', role: 'cs-phone-agent' };
const tech = { id: 'tech-wu', role: 'tech-manager' };

/**
 * 订单异常处理流程 through HTTP → queues → workers → store → process
 * manager → projections, every branch of its procedure (4.1–4.3.2).
 */
describe('order anomalies, end to end', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function typesOf(ticketId: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('order-anomaly', ticketId),
    );
    return events.map((e) => e.type.replace('order-anomaly.', ''));
  }

  async function settled(ticketId: string, length: number) {
    return eventually(async () => {
      // The view and the timeline are written together; read the timeline
      // first so a complete one means the view read after it is too.
      const timeline = await system.client.get<Timeline>(
        `/order-anomalies/${ticketId}/timeline`,
      );
      expect(timeline.entries).toHaveLength(length);
      const view = await system.client.get<View>(
        `/order-anomalies/${ticketId}`,
      );
      return { view, timeline };
    });
  }

  async function open(): Promise<string> {
    const created = await system.client.send<Answer>(
      '/order-anomalies',
      {
        orderId: 'ORD-20260302-88231',
        memberId: 'M-310000-5521',
        vehicleId: '沪A·D12345',
        caller: { phone: '13800138000', name: '刘女士' },
        description: '还车后订单仍在计费',
      },
      { actor: agent },
    );
    expect(created.status).toBe(201);
    expect(created.body.ticket.number).toMatch(/^OA-\d{8}-\d{4}$/);
    const id = created.body.ticket.id;
    const now = Date.now();
    await system.client.post(
      `/order-anomalies/${id}/review-trajectory`,
      {
        usageStartedAt: new Date(now - 3_600_000).toISOString(),
        usageEndedAt: new Date(now - 600_000).toISOString(),
      },
      { actor: agent },
    );
    return id;
  }

  async function failRestore(id: string) {
    return system.client.post<Answer>(
      `/order-anomalies/${id}/restore-result`,
      {
        restored: false,
        reason: '订单状态锁定，无法恢复',
        techSummary: '还车后状态未结束',
      },
      { actor: agent },
    );
  }

  describe('an order the agent restores (4.3 yes)', () => {
    it('ends with payment in the app, shown in the view and the timeline', async () => {
      const id = await open();

      const answer = await system.client.post<Answer>(
        `/order-anomalies/${id}/restore-result`,
        { restored: true },
        { actor: agent },
      );

      expect(answer.ticket.status).toBe('CLOSED_PAID_IN_APP');
      expect(answer.events.map((e) => e.label.zh)).toEqual([
        '直接恢复订单',
        '引导用户APP支付',
      ]);
      expect(await typesOf(id)).toEqual([
        'reported',
        'trajectory-reviewed',
        'order-restored',
        'user-guided-to-pay-in-app',
      ]);
      const { view, timeline } = await settled(id, 4);
      expect(view).toMatchObject({
        status: 'CLOSED_PAID_IN_APP',
        holderRole: null,
        outcome: 'paid-in-app',
        terminal: true,
      });
      expect(timeline.entries[0]).toMatchObject({
        labelZh: '受理订单异常来电',
        summaryZh:
          '订单 ORD-20260302-88231（车辆 沪A·D12345）：还车后订单仍在计费',
      });
    });
  });

  describe('an order that cannot be restored (4.3 no), settled by E币', () => {
    it('goes to technical management after settlement, which closes it', async () => {
      const id = await open();
      const failed = await failRestore(id);
      expect(failed.ticket.status).toBe('MANUAL_SETTLEMENT');

      await system.client.post(
        `/order-anomalies/${id}/request-top-up`,
        { orderFeeFen: 2750 },
        { actor: agent },
      );
      const paid = await system.client.post<Answer>(
        `/order-anomalies/${id}/settle`,
        { eCoinFen: 2750, contactOutcome: 'reached' },
        { actor: agent },
      );
      expect(paid.ticket).toMatchObject({
        status: 'AWAITING_TECH_FINDING',
        holder: { role: 'tech-manager' },
      });

      // The hand-off reached the technical post's queue and its inbox.
      await eventually(async () => {
        const { rows } = await system.schema.pool.query(
          `SELECT to_role FROM handoff_notifications WHERE ticket_id = $1`,
          [id],
        );
        expect(rows.map((r) => r.to_role)).toContain('tech-manager');
        const inbox = await system.client.get<{
          items: { ticketId: string }[];
        }>('/order-anomalies/inbox/tech-manager');
        expect(inbox.items.map((i) => i.ticketId)).toContain(id);
      });

      const closed = await system.client.post<Answer>(
        `/order-anomalies/${id}/tech-finding`,
        { finding: '车机上报还车信号丢失', fixed: true },
        { actor: tech },
      );
      expect(closed.ticket.status).toBe('CLOSED_SETTLED_BY_ECOIN');

      const { view } = await settled(id, 9);
      expect(view).toMatchObject({
        outcome: 'settled-by-e-coin',
        amountFen: 2750,
        terminal: true,
      });
      const inbox = await system.client.get<{ items: { ticketId: string }[] }>(
        '/order-anomalies/inbox/tech-manager',
      );
      expect(inbox.items.map((i) => i.ticketId)).not.toContain(id);
    });

    it('closes at settlement when technical management answered first', async () => {
      const id = await open();
      await failRestore(id);
      await system.client.post(
        `/order-anomalies/${id}/tech-finding`,
        { finding: '订单服务超时', fixed: false },
        { actor: tech },
      );
      await system.client.post(
        `/order-anomalies/${id}/request-top-up`,
        { orderFeeFen: 1200 },
        { actor: agent },
      );

      const paid = await system.client.post<Answer>(
        `/order-anomalies/${id}/settle`,
        { eCoinFen: 1200, contactOutcome: 'unreachable' },
        { actor: agent },
      );

      expect(paid.ticket.status).toBe('CLOSED_SETTLED_BY_ECOIN');
      expect(await typesOf(id)).toEqual([
        'reported',
        'trajectory-reviewed',
        'order-restore-failed',
        'reported-to-tech-manager',
        'tech-finding-recorded',
        'e-coin-top-up-requested',
        'e-coin-deducted',
        'order-settled',
        'user-notified-of-result',
      ]);
    });
  });

  describe('refusals through HTTP', () => {
    it('answers 409 naming both amounts when the deduction is not the fee', async () => {
      const id = await open();
      await failRestore(id);
      await system.client.post(
        `/order-anomalies/${id}/request-top-up`,
        { orderFeeFen: 2750 },
        { actor: agent },
      );

      const refused = await system.client.send<ErrorAnswer>(
        `/order-anomalies/${id}/settle`,
        { eCoinFen: 2000, contactOutcome: 'reached' },
        { actor: agent },
      );

      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'SETTLEMENT_AMOUNT_MISMATCH',
        details: { ticketId: id, requestedFen: 2750, deductedFen: 2000 },
      });
      expect((await typesOf(id)).at(-1)).toBe('e-coin-top-up-requested');
    });

    it('answers 403 naming the permission to a role that may not act', async () => {
      const id = await open();
      const refused = await system.client.send<ErrorAnswer>(
        `/order-anomalies/${id}/restore-result`,
        { restored: true },
        { actor: tech },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'ROLE_NOT_PERMITTED',
        details: { permission: 'order-anomaly:RecordRestoreResult' },
      });
    });

    it('answers 409 for a step out of order and 404 for an unknown ticket', async () => {
      const id = await open();
      const early = await system.client.send<ErrorAnswer>(
        `/order-anomalies/${id}/settle`,
        { eCoinFen: 100, contactOutcome: 'reached' },
        { actor: agent },
      );
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('TICKET_NOT_IN_STATE');

      const missing = await system.client.send<ErrorAnswer>(
        '/order-anomalies/01956f3a-7c2e-7a10-9b1e-0a00000000ff/review-trajectory',
        {
          usageStartedAt: '2026-03-02T03:00:00Z',
          usageEndedAt: '2026-03-02T04:00:00Z',
        },
        { actor: agent },
      );
      expect(missing.status).toBe(404);
    });

    it('answers 400 naming every failing field, and opens nothing', async () => {
      const answer = await system.client.send<{
        error: { code: string; details: { fields: { field: string }[] } };
      }>(
        '/order-anomalies',
        { orderId: '', caller: { phone: 'call me' }, extra: 1 },
        { actor: agent },
      );
      expect(answer.status).toBe(400);
      const fields = answer.body.error.details.fields.map((f) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'orderId',
          'memberId',
          'vehicleId',
          'description',
          'caller.phone',
          'extra',
        ]),
      );
    });
  });

  describe('the reporting rows', () => {
    it('count today’s tickets by status and outcome, with the money settled', async () => {
      const rows = await eventually(async () => {
        const merged = await reportByStatus(system.client, '/order-anomalies');
        const settledRow = merged.find(
          (row) => row.status === 'CLOSED_SETTLED_BY_ECOIN',
        );
        expect(settledRow).toMatchObject({
          outcome: 'settled-by-e-coin',
          tickets: 2,
          amountFen: 2750 + 1200,
        });
        return merged;
      });
      expect(
        rows.find((row) => row.status === 'CLOSED_PAID_IN_APP'),
      ).toMatchObject({ outcome: 'paid-in-app', tickets: 1 });
    });

    it('answers 400 naming a malformed date', async () => {
      const answer = await system.client
        .get('/order-anomalies/report?from=2026-02-30&to=2026-03-01')
        .catch((error: { status: number; body: ErrorAnswer }) => error);
      expect(answer).toMatchObject({
        status: 400,
        body: { error: { details: { fields: [{ field: 'query.from' }] } } },
      });
    });
  });

  describe('the audit tool over this log', () => {
    it('verifies every order-anomaly stream against the transition table', async () => {
      // The log shows a commit once every older transaction has ended, so
      // the walk may need a moment to see the last cases.
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
        // Three branches and three refusals opened one case each.
        expect(summary.processes['order-anomaly'].streams).toBe(6);
      });
    });

    it('counts the closed cases as following the manual’s path', async () => {
      await eventually(async () => {
        const run = await audit(['conformance', '--json'], {
          store: system.resources.store,
        });
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout) as {
          processes: {
            processId: string;
            tickets: number;
            followedExactly: number;
            withDeviations: number;
          }[];
        };
        const mine = report.processes.find(
          (p) => p.processId === 'order-anomaly',
        );
        expect(mine).toMatchObject({
          tickets: 6,
          // The three that reached an end, by the manual's path.
          followedExactly: 3,
          withDeviations: 0,
        });
      });
    });
  });
});
