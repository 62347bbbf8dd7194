import { streamNameOf } from '@opsdesk/domain';
import { SteppableClock } from '@opsdesk/platform';
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
  facts: Record<string, unknown>;
};

const DAY = 24 * 3600_000;
/** 2026-03-02 14:00 in Shanghai, and days counted from it. */
const START = Date.parse('2026-03-02T06:00:00.000Z');

const member = { id: 'M-310000-9001', role: 'user' };
const agent = { id: 'agent-0107', role: 'cs-phone-agent' };
const liaison = { id: 'liaison-qian', role: 'ops-invoicing-liaison' };
const finance = { id: 'finance-sun', role: 'finance-manager' };
const supervisor = { id: 'sup-chen', role: 'cs-supervisor' };

const buyer = {
  title: '上海某某科技有限公司',
  name: '赵先生',
  memberCardNo: 'EV310000123456',
  email: 'zhao@example.com',
};
const sheet = {
  title: '赵某某',
  name: '赵先生',
  phone: '13700007777',
  address: '上海市浦东新区张杨路500号',
};

/**
 * 用户开具发票流程 through HTTP → queues → workers → store → projections,
 * on a controlled clock: both routes, the 10-yuan and 90-day boundaries
 * and the 30-day reissue check.
 */
describe('invoices, end to end', () => {
  let system: TestSystem;
  const clock = new SteppableClock(new Date(START));

  beforeAll(async () => {
    system = await startTestSystem({}, { clock });
  });

  afterAll(async () => {
    await system?.stop();
  });

  function order(amountFen: number, completedDaysAgo: number) {
    return {
      orderId: `ORD-${amountFen}-${completedDaysAgo}`,
      memberId: 'M-310000-9001',
      amountFen,
      orderCompletedAt: new Date(
        clock.now().getTime() - completedDaysAgo * DAY,
      ).toISOString(),
    };
  }

  async function viewOf(id: string, status: string): Promise<View> {
    return eventually(async () => {
      const view = await system.client.get<View>(`/invoices/${id}`);
      expect(view.status).toBe(status);
      return view;
    });
  }

  async function typesOf(id: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('invoice', id),
    );
    return events.map((e) => e.type.replace('invoice.', ''));
  }

  describe('the paper route through finance and the liaison (4.3–4.8)', () => {
    it('goes agent → liaison → finance → liaison → centre, and ends', async () => {
      clock.set(new Date(START));
      const opened = await system.client.send<Answer>(
        '/invoices/paper-requests',
        { ...order(1000, 5), sheet },
        { actor: agent },
      );
      expect(opened.status).toBe(201);
      const id = opened.body.ticket.id;
      expect(opened.body.ticket.number).toMatch(/^IV-\d{8}-\d{4}$/);

      const sent = await system.client.post<Answer>(
        `/invoices/${id}/send-tasks`,
        { tbTaskId: 'TB-5521' },
        { actor: agent },
      );
      expect(sent.ticket.holder.role).toBe('ops-invoicing-liaison');
      await eventually(async () => {
        const inbox = await system.client.get<{
          items: { ticketId: string }[];
        }>('/invoices/inbox/ops-invoicing-liaison');
        expect(inbox.items.map((i) => i.ticketId)).toContain(id);
      });

      const atFinance = await system.client.post<Answer>(
        `/invoices/${id}/submit-application`,
        {},
        { actor: liaison },
      );
      expect(atFinance.ticket.holder.role).toBe('finance-manager');
      await system.client.post(
        `/invoices/${id}/issue-paper`,
        { invoiceNo: 'PI-0000450' },
        { actor: finance },
      );
      await system.client.post(
        `/invoices/${id}/mail`,
        { courier: '顺丰', trackingNo: 'SF1234567890' },
        { actor: liaison },
      );
      const closed = await system.client.post<Answer>(
        `/invoices/${id}/report-result`,
        { result: '已寄出' },
        { actor: liaison },
      );

      expect(closed.ticket.status).toBe('CLOSED_PAPER');
      expect(await typesOf(id)).toEqual([
        'requested',
        'eligibility-checked',
        'invoice-info-recorded',
        'finance-task-created',
        'info-sent-to-liaison',
        'application-submitted',
        'paper-invoice-issued',
        'paper-invoice-handed-to-liaison',
        'paper-invoice-mailed',
        'result-reported-to-centre',
      ]);
      const view = await viewOf(id, 'CLOSED_PAPER');
      expect(view).toMatchObject({
        outcome: 'paper',
        facts: { route: 'paper', paperReasons: ['amount-not-above-threshold'] },
      });
      const { rows } = await system.schema.pool.query(
        'SELECT DISTINCT to_role FROM handoff_notifications WHERE ticket_id = $1',
        [id],
      );
      expect(rows.map((r) => r.to_role).sort()).toEqual([
        'cs-phone-agent',
        'finance-manager',
        'ops-invoicing-liaison',
      ]);
    });
  });

  describe('the 10-yuan and 90-day boundaries', () => {
    it('issues an e-invoice for 10.01 yuan and an 89-day-old order', async () => {
      clock.set(new Date(START));
      const answer = await system.client.send<Answer>(
        '/invoices/e-invoices',
        { ...order(1001, 89), buyer },
        { actor: member },
      );
      expect(answer.status).toBe(201);
      expect(answer.body.ticket).toMatchObject({
        status: 'EINVOICE_REQUESTED',
        holder: { role: 'system' },
      });
      // The system issues it on the hand-off, numbered after the case.
      const view = await viewOf(answer.body.ticket.id, 'EINVOICE_ISSUED');
      expect(view.facts).toMatchObject({
        invoiceNo: answer.body.ticket.number.replace('IV-', 'EI-'),
      });
    });

    it.each([
      ['exactly 10 yuan', 1000, 10, ['amount-not-above-threshold']],
      ['a 90-day-old order', 5000, 90, ['order-too-old']],
    ])(
      'refuses an e-invoice for %s with 409 and sends it to paper',
      async (_, amountFen, days, reasons) => {
        clock.set(new Date(START));
        const answer = await system.client.send<ErrorAnswer>(
          '/invoices/e-invoices',
          { ...order(amountFen, days), buyer },
          { actor: member },
        );
        expect(answer.status).toBe(409);
        expect(answer.body.error).toMatchObject({
          code: 'NOT_ELIGIBLE_FOR_E_INVOICE',
          details: { amountFen, orderAgeDays: days, reasons },
        });
      },
    );

    it('refuses an e-invoice for another member’s membership with 403, appending nothing', async () => {
      clock.set(new Date(START));
      const before = await system.schema.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM events',
      );
      const answer = await system.client.send<ErrorAnswer>(
        '/invoices/e-invoices',
        { ...order(5000, 3), memberId: 'M-310000-2001', buyer },
        { actor: member },
      );
      const after = await system.schema.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM events',
      );

      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({
        code: 'NOT_OWN_MEMBERSHIP',
        details: { field: 'memberId' },
      });
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('refuses a paper request by phone for an order the app can invoice', async () => {
      const answer = await system.client.send<ErrorAnswer>(
        '/invoices/paper-requests',
        { ...order(5000, 3), sheet },
        { actor: agent },
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('ELIGIBLE_FOR_E_INVOICE');
    });
  });

  describe('a reissue call, counted from the first invoice (4.10–4.11)', () => {
    let orders = 0;
    async function issued(): Promise<string> {
      clock.set(new Date(START));
      // One e-invoice per order: each case here has an order of its own.
      const answer = await system.client.post<Answer>(
        '/invoices/e-invoices',
        { ...order(5620, 10), orderId: `ORD-REISSUE-${++orders}`, buyer },
        { actor: member },
      );
      await viewOf(answer.ticket.id, 'EINVOICE_ISSUED');
      return answer.ticket.id;
    }

    it('goes straight to finance on day 30', async () => {
      const id = await issued();
      clock.set(new Date(START + 30 * DAY));
      const asked = await system.client.post<Answer>(
        `/invoices/${id}/reissue-requests`,
        { reason: '抬头写错' },
        { actor: agent },
      );
      expect(asked.ticket).toMatchObject({
        status: 'REISSUE_AT_FINANCE',
        holder: { role: 'finance-manager' },
      });
      const done = await system.client.post<Answer>(
        `/invoices/${id}/reissue`,
        { invoiceNo: 'EI-0000999' },
        { actor: finance },
      );
      expect(done.ticket.status).toBe('REISSUED');
      const view = await viewOf(id, 'REISSUED');
      expect(view.facts).toMatchObject({
        reissues: 1,
        invoiceNo: 'EI-0000999',
      });
    });

    it('goes to the supervisor on day 31, who may approve', async () => {
      const id = await issued();
      clock.set(new Date(START + 31 * DAY));
      const asked = await system.client.post<Answer>(
        `/invoices/${id}/reissue-requests`,
        { reason: '邮箱填错' },
        { actor: agent },
      );
      expect(asked.ticket).toMatchObject({
        status: 'REISSUE_AT_SUPERVISOR',
        holder: { role: 'cs-supervisor' },
      });
      const stored = await system.resources.store.readStream(
        streamNameOf('invoice', id),
      );
      expect(stored.at(-1)?.data).toMatchObject({
        daysSinceFirstIssue: 31,
        overLimit: true,
      });
      await system.client.post(
        `/invoices/${id}/approve-late-reissue`,
        {},
        { actor: supervisor },
      );
      const done = await system.client.post<Answer>(
        `/invoices/${id}/reissue`,
        { invoiceNo: 'EI-0001000' },
        { actor: finance },
      );
      expect(done.ticket.status).toBe('REISSUED');
    });

    it('ends refused when the supervisor refuses a late one', async () => {
      const id = await issued();
      clock.set(new Date(START + 45 * DAY));
      await system.client.post(
        `/invoices/${id}/reissue-requests`,
        { reason: '抬头写错' },
        { actor: agent },
      );
      const refused = await system.client.post<Answer>(
        `/invoices/${id}/refuse-late-reissue`,
        { reason: '超过30天，按规定不予重开' },
        { actor: supervisor },
      );
      expect(refused.ticket.status).toBe('REISSUE_REFUSED');
      expect((await viewOf(id, 'REISSUE_REFUSED')).outcome).toBe(
        'reissue-refused',
      );
    });

    it('refuses a reissue request from finance with 403', async () => {
      const id = await issued();
      const answer = await system.client.send<ErrorAnswer>(
        `/invoices/${id}/reissue-requests`,
        { reason: 'x' },
        { actor: finance },
      );
      expect(answer.status).toBe(403);
      expect(answer.body.error.details).toMatchObject({
        permission: 'invoice:RequestReissue',
      });
    });
  });

  describe('the reporting rows and the audit tool', () => {
    it('count the cases by the Shanghai day they were opened', async () => {
      // Opened when the log recorded them: today, whatever the test clock.
      await eventually(async () => {
        const rows = await reportByStatus(system.client, '/invoices');
        const count = (status: string) =>
          rows.find((r) => r.status === status)?.tickets ?? 0;
        expect(count('CLOSED_PAPER')).toBe(1);
        expect(count('EINVOICE_ISSUED')).toBe(2);
        expect(count('REISSUED')).toBe(2);
        expect(count('REISSUE_REFUSED')).toBe(1);
      });
    });

    it('verifies every invoice stream and finds every case on the manual’s path', async () => {
      const run = await audit(['verify', '--json'], {
        store: system.resources.store,
      });
      expect(run.code).toBe(0);
      expect(
        (JSON.parse(run.stdout) as { processes: Record<string, unknown> })
          .processes.invoice,
      ).toMatchObject({ streams: 6 });
      const conformance = await audit(['conformance', '--json'], {
        store: system.resources.store,
      });
      const report = JSON.parse(conformance.stdout) as {
        processes: { processId: string; withDeviations: number }[];
      };
      expect(
        report.processes.find((p) => p.processId === 'invoice'),
      ).toMatchObject({ withDeviations: 0 });
    });
  });

  // Last: its case would change the counts of the reporting rows above.
  describe('a member reading through the API', () => {
    it('shows the member the e-invoice cases they opened, and nothing else', async () => {
      clock.set(new Date(START));
      const applied = await system.client.post<Answer & { commandId: string }>(
        '/invoices/e-invoices',
        { ...order(4321, 5), buyer },
        { actor: member },
      );
      const id = applied.ticket.id;
      await viewOf(id, 'EINVOICE_ISSUED');
      const stranger = { id: 'M-310000-2001', role: 'user' };

      const own = await system.client.fetch(`/invoices/${id}`, {
        actor: member,
      });
      const list = await system.client.fetch('/invoices?limit=200', {
        actor: member,
      });
      const theirs = await system.client.fetch(`/invoices/${id}`, {
        actor: stranger,
      });
      const theirList = await system.client.fetch('/invoices', {
        actor: stranger,
      });

      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        ticketId: id,
        status: 'EINVOICE_ISSUED',
        facts: { invoiceNo: applied.ticket.number.replace('IV-', 'EI-') },
      });
      // The desk's working data stays with the desk.
      expect(own.body).not.toHaveProperty('state');
      expect(own.body).not.toHaveProperty('assigneeId');
      const listed = (list.body as { items: { ticketId: string }[] }).items;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.map((t) => t.ticketId)).toContain(id);
      const opened = await system.schema.pool.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM invoice_tickets
          WHERE state->>'memberId' = $1`,
        [member.id],
      );
      expect(listed).toHaveLength(opened.rows[0].n);
      expect(theirs.status).toBe(404);
      expect((theirList.body as { items: unknown[] }).items).toEqual([]);
    });

    it('refuses the member the timeline, inboxes, reports and other processes', async () => {
      clock.set(new Date(START));
      const applied = await system.client.post<Answer & { commandId: string }>(
        '/invoices/e-invoices',
        { ...order(4322, 5), buyer },
        { actor: member },
      );
      const id = applied.ticket.id;

      const reads = await Promise.all(
        [
          `/invoices/${id}/timeline`,
          '/invoices/report?from=2026-01-01&to=2026-12-31',
          '/invoices/inbox/finance-manager',
          '/station-faults',
          '/phone-callbacks',
          '/reports/summary',
        ].map((path) => system.client.fetch(path, { actor: member })),
      );
      const outcome = await system.client.fetch(
        `/commands/${applied.commandId}`,
        { actor: member },
      );

      expect(reads.map((r) => r.status)).toEqual([
        403, 403, 403, 403, 403, 403,
      ]);
      expect(reads[0].body).toMatchObject({
        error: {
          code: 'ROLE_NOT_PERMITTED',
          details: { role: 'user', permission: 'tickets:read' },
        },
      });
      expect(outcome.status).toBe(200);
      // Staff still read it whole.
      const staff = await system.client.fetch(`/invoices/${id}`);
      expect(staff.status).toBe(200);
      expect(staff.body).toHaveProperty('state');
    });
  });

  // Last as well, for the same reason.
  describe('a second application for an order', () => {
    it('issues one e-invoice an order: a second application answers 409', async () => {
      clock.set(new Date(START));
      const first = await system.client.post<Answer>(
        '/invoices/e-invoices',
        { ...order(2222, 2), buyer },
        { actor: member },
      );
      await viewOf(first.ticket.id, 'EINVOICE_ISSUED');

      const second = await system.client.send<ErrorAnswer>(
        '/invoices/e-invoices',
        { ...order(2222, 2), buyer },
        { actor: member },
      );

      expect(second.status).toBe(409);
      expect(second.body.error.details).toMatchObject({
        ticketId: first.ticket.id,
      });
    });
  });
});
