import {
  P17_WAIVER_TABLE,
  streamNameOf,
  type WaiverRuleRow,
} from '@opsdesk/domain';
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
};
type ErrorAnswer = {
  error: { code: string; details: Record<string, unknown> };
};
type View = {
  status: string;
  outcome: string | null;
  amountFen: number | null;
  headline: string | null;
  facts: Record<string, unknown>;
  state: { decision?: Record<string, unknown> };
};
type Timeline = { entries: { type: string; summaryZh: string | null }[] };

const agent = { id: 'agent-0107', role: 'cs-phone-agent' };
const supervisor = { id: 'sup-chen', role: 'cs-supervisor' };

/**
 * 客服费用减免 through HTTP → queues → workers → store → projections:
 * every branch of the request, and a table change between two requests.
 */
describe('fee waivers, end to end', () => {
  let system: TestSystem;
  const opened: string[] = [];

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function ask(
    caseCode: string,
    inputs: Record<string, unknown> = {},
  ): Promise<Answer> {
    const answer = await system.client.send<Answer>(
      '/fee-waivers',
      {
        orderId: `ORD-${opened.length + 1}`,
        memberId: 'M-310000-7788',
        caller: { phone: '13900001111' },
        caseCode,
        orderFeeFen: 4800,
        ...inputs,
      },
      { actor: agent },
    );
    expect(answer.status).toBe(201);
    opened.push(answer.body.ticket.id);
    return answer.body;
  }

  async function viewOf(id: string, status: string): Promise<View> {
    return eventually(async () => {
      const view = await system.client.get<View>(`/fee-waivers/${id}`);
      expect(view.status).toBe(status);
      return view;
    });
  }

  async function typesOf(id: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('fee-waiver', id),
    );
    return events.map((e) => e.type.replace('fee-waiver.', ''));
  }

  describe('a case the table waives (row 4, 无法开门 在网点: 全额减免)', () => {
    it('is granted by the rule, applied by the agent and closed', async () => {
      const asked = await ask('cannot-open-door-at-station');
      expect(asked.ticket).toMatchObject({
        status: 'WAIVER_GRANTED',
        holder: { role: 'cs-phone-agent' },
      });
      expect(asked.ticket.number).toMatch(/^FW-\d{8}-\d{4}$/);

      const applied = await system.client.post<Answer>(
        `/fee-waivers/${asked.ticket.id}/apply`,
        { billingReference: 'BILL-ADJ-1', contactOutcome: 'reached' },
        { actor: agent },
      );

      expect(applied.ticket.status).toBe('CLOSED_WAIVED');
      const view = await viewOf(asked.ticket.id, 'CLOSED_WAIVED');
      expect(view).toMatchObject({
        outcome: 'waived',
        amountFen: 4800,
        facts: { tableVersion: 'P17-V1.2', row: 4, method: 'full' },
      });
      const { entries } = await system.client.get<Timeline>(
        `/fee-waivers/${asked.ticket.id}/timeline`,
      );
      expect(entries[1].summaryZh).toBe(
        'P17-V1.2 第4行 无法开门（在网点(订单状态已取车,刷不开车门)）：全额减免 → 减免 ¥48.00',
      );
    });
  });

  describe('a user who moved the car too late (row 1, the 30-minute rule)', () => {
    it('is not waived, closed at once with the row and the minutes recorded', async () => {
      const call = new Date(Date.now() - 3_600_000);
      const asked = await ask('no-space-move-car', {
        callTime: call.toISOString(),
        carMovedAt: new Date(call.getTime() + 31 * 60_000).toISOString(),
        feeUntilCallFen: 1000,
      });

      expect(asked.ticket).toMatchObject({
        status: 'CLOSED_NOT_WAIVED',
        holder: { role: null },
      });
      const view = await viewOf(asked.ticket.id, 'CLOSED_NOT_WAIVED');
      expect(view.state.decision).toMatchObject({
        row: 1,
        outcome: 'not-waived',
        notWaivedReason: 'moved-after-limit',
      });
      const stored = await system.resources.store.readStream(
        streamNameOf('fee-waiver', asked.ticket.id),
      );
      expect(stored[1].data).toMatchObject({
        inputs: { minutesToMove: 31 },
      });
    });
  });

  describe('a discretionary case (row 11, 遗失物品: 酌情减免)', () => {
    it('waits for the supervisor, who approves, and the agent applies that amount', async () => {
      const asked = await ask('lost-belongings', {
        proposedWaiverFen: 1500,
        reason: '手机遗落车内，多次来电',
      });
      expect(asked.ticket).toMatchObject({
        status: 'AWAITING_APPROVAL',
        holder: { role: 'cs-supervisor' },
      });
      await eventually(async () => {
        const inbox = await system.client.get<{
          items: { ticketId: string }[];
        }>('/fee-waivers/inbox/cs-supervisor');
        expect(inbox.items.map((i) => i.ticketId)).toContain(asked.ticket.id);
      });

      const refused = await system.client.send<ErrorAnswer>(
        `/fee-waivers/${asked.ticket.id}/approve`,
        { approvedWaiverFen: 1200 },
        { actor: agent },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.details).toMatchObject({
        permission: 'fee-waiver:ApproveDiscretionaryWaiver',
      });

      await system.client.post(
        `/fee-waivers/${asked.ticket.id}/approve`,
        { approvedWaiverFen: 1200 },
        { actor: supervisor },
      );
      await system.client.post(
        `/fee-waivers/${asked.ticket.id}/apply`,
        { billingReference: 'BILL-ADJ-2', contactOutcome: 'reached' },
        { actor: agent },
      );

      const view = await viewOf(asked.ticket.id, 'CLOSED_WAIVED');
      expect(view.amountFen).toBe(1200);
      expect(await typesOf(asked.ticket.id)).toEqual([
        'requested',
        'rule-applied',
        'discretionary-approved',
        'waiver-applied',
      ]);
    });

    it('is closed when the supervisor rejects it', async () => {
      const asked = await ask('own-fault-power-off', {
        proposedWaiverFen: 800,
        reason: '未熄火导致多计费',
      });
      const rejected = await system.client.post<Answer>(
        `/fee-waivers/${asked.ticket.id}/reject`,
        { reason: '用户自身原因，不予减免' },
        { actor: supervisor },
      );
      expect(rejected.ticket.status).toBe('CLOSED_REJECTED');
      const view = await viewOf(asked.ticket.id, 'CLOSED_REJECTED');
      expect(view.outcome).toBe('rejected');
    });
  });

  describe('refusals through HTTP', () => {
    it('answers 400 naming the cases of the table for an unknown one', async () => {
      const answer = await system.client.send<ErrorAnswer>(
        '/fee-waivers',
        {
          orderId: 'ORD-X',
          memberId: 'M-1',
          caller: { phone: '13900001111' },
          caseCode: 'alien-abduction',
          orderFeeFen: 4800,
        },
        { actor: agent },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'WAIVER_CASE_NOT_IN_TABLE',
        details: { caseCode: 'alien-abduction', tableVersion: 'P17-V1.2' },
      });
    });

    it('answers 400 naming the input a row needs', async () => {
      const answer = await system.client.send<{
        error: { code: string; details: { fields: { field: string }[] } };
      }>(
        '/fee-waivers',
        {
          orderId: 'ORD-Y',
          memberId: 'M-1',
          caller: { phone: '13900001111' },
          caseCode: 'cannot-start-at-station',
          orderFeeFen: 4800,
        },
        { actor: agent },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_COMMAND_DATA');
      expect(answer.body.error.details.fields.map((f) => f.field)).toEqual([
        'payload.vehicleUsed',
      ]);
    });
  });

  describe('the rule table changing between two requests', () => {
    const V2_ROWS: WaiverRuleRow[] = P17_WAIVER_TABLE.rows.map((row) =>
      row.caseCode === 'tyre-problem' ? { ...row, method: 'full' } : row,
    );

    it('decides the new request by the new row and keeps the old decision', async () => {
      const before = await ask('tyre-problem', { vehicleUsed: true });
      expect(before.ticket.status).toBe('CLOSED_NOT_WAIVED');

      const published = await system.client.send<Answer>(
        '/fee-waivers/rule-table/versions',
        { version: 'P17-V2.0', rows: V2_ROWS, note: '车胎问题改为全额减免' },
        { actor: supervisor },
      );
      expect(published.status).toBe(201);
      const table = await eventually(async () => {
        const t = await system.client.get<{
          inForce: { version: string };
          versions: { version: string }[];
        }>('/fee-waivers/rule-table');
        expect(t.inForce.version).toBe('P17-V2.0');
        return t;
      });
      expect(table.versions.map((v) => v.version)).toEqual([
        'P17-V1.2',
        'P17-V2.0',
      ]);

      const after = await ask('tyre-problem', { vehicleUsed: true });
      expect(after.ticket.status).toBe('WAIVER_GRANTED');
      expect(
        (await viewOf(after.ticket.id, 'WAIVER_GRANTED')).facts,
      ).toMatchObject({ tableVersion: 'P17-V2.0', row: 7, method: 'full' });

      const old = await viewOf(before.ticket.id, 'CLOSED_NOT_WAIVED');
      expect(old.facts).toMatchObject({
        tableVersion: 'P17-V1.2',
        row: 7,
        method: 'full-if-vehicle-unused',
        notWaivedReason: 'vehicle-used',
      });

      const history = await audit(['history', before.ticket.id], {
        store: system.resources.store,
        pool: system.resources.pool,
        schema: system.schema.schema,
      });
      expect(history.stderr).toBe('');
      expect(history.code).toBe(0);
      expect(history.stdout).toContain('row.row=7');
      expect(history.stdout).toContain('table.version=P17-V1.2');
      expect(history.stdout).toContain('row.method=full-if-vehicle-unused');
    });

    it('refuses a version that would take effect in the past', async () => {
      const answer = await system.client.send<ErrorAnswer>(
        '/fee-waivers/rule-table/versions',
        {
          version: 'P17-V2.1',
          effectiveFrom: '2020-01-01T00:00:00Z',
          rows: V2_ROWS,
        },
        { actor: supervisor },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_COMMAND_DATA');
    });
  });

  describe('the reporting rows and the audit tool', () => {
    it('count today’s requests by outcome, with the money waived', async () => {
      await eventually(async () => {
        const rows = await reportByStatus(system.client, '/fee-waivers');
        expect(rows.find((r) => r.status === 'CLOSED_WAIVED')).toMatchObject({
          outcome: 'waived',
          tickets: 2,
          amountFen: 4800 + 1200,
        });
        expect(
          rows.find((r) => r.status === 'CLOSED_NOT_WAIVED')?.tickets,
        ).toBe(2);
      });
    });

    it('verifies every waiver and rule-table stream, and checks their conformance', async () => {
      const run = await audit(['verify', '--json'], {
        store: system.resources.store,
      });
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as {
        processes: Record<string, { streams: number }>;
      };
      expect(summary.processes['fee-waiver'].streams).toBe(opened.length);
      expect(summary.processes['waiver-rule-table'].streams).toBe(1);

      const conformance = await audit(['conformance', '--json'], {
        store: system.resources.store,
      });
      const report = JSON.parse(conformance.stdout) as {
        processes: {
          processId: string;
          followedExactly: number;
          withDeviations: number;
        }[];
      };
      expect(
        report.processes.find((p) => p.processId === 'fee-waiver'),
      ).toMatchObject({ followedExactly: 5, withDeviations: 0 });
    });
  });

  // Last: the audit tool's counts above are of the tickets before it.
  describe('a discretionary case taken and approved by one person', () => {
    it('is not approved by the person who took it, whatever role they approve in', async () => {
      const dual = { id: 'lin-dual' };
      const asked = await system.client.post<Answer>(
        '/fee-waivers',
        {
          orderId: 'ORD-FOUR-EYES',
          memberId: 'M-310000-7788',
          caller: { phone: '13900001111' },
          caseCode: 'lost-belongings',
          orderFeeFen: 4800,
          proposedWaiverFen: 1000,
          reason: '钱包遗落车内',
        },
        { actor: { ...dual, role: 'cs-phone-agent' } },
      );

      const refused = await system.client.send<ErrorAnswer>(
        `/fee-waivers/${asked.ticket.id}/approve`,
        { approvedWaiverFen: 1000 },
        { actor: { ...dual, role: 'cs-supervisor' } },
      );

      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'REQUESTER_CANNOT_APPROVE',
        details: { actorId: 'lin-dual' },
      });
      expect(await typesOf(asked.ticket.id)).toEqual([
        'requested',
        'rule-applied',
      ]);
    });
  });
});
