import { ROLE_IDS, streamNameOf } from '@opsdesk/domain';
import { DeadlineAlerts, TimerQueue, type TimerJob } from '@opsdesk/messaging';
import {
  bullConnection,
  createLogger,
  SteppableClock,
} from '@opsdesk/platform';
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
  terminal: boolean;
  facts: Record<string, unknown>;
};
type Timeline = {
  entries: { type: string; labelZh: string; summaryZh: string | null }[];
};

/** Shanghai wall-clock time as an ISO instant. */
const sh = (local: string) =>
  new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

const agent = { id: 'agent-0107', role: 'cs-phone-agent' } as const;
const online = { id: 'online-0201', role: 'cs-online-agent' } as const;
const marketing = { id: 'mkt-sun', role: 'marketing-manager' } as const;

/**
 * 市场会员卡进度审核流程 through HTTP → queues → workers → store →
 * projections, on a clock the test moves: each branch of the process,
 * the marketing post's courier record, and the 3- and 5-working-day
 * reminders of the #6 timers across National Day 2026 (1–7 October off,
 * Saturday 10 October a make-up working day).
 */
jest.setTimeout(60_000);

describe('membership-card inquiries, end to end', () => {
  const clock = new SteppableClock(sh('2026-09-29 10:00'));
  let system: TestSystem;
  let timers: TimerQueue;
  let alerts: DeadlineAlerts;
  const base = '/membership-cards';

  beforeAll(async () => {
    system = await startTestSystem({}, { clock });
    const { config, pool } = system.resources;
    timers = new TimerQueue(
      bullConnection(config),
      config.queuePrefix,
      createLogger('membership-card-test', 'silent'),
    );
    alerts = new DeadlineAlerts(pool);
  });

  afterAll(async () => {
    await timers?.close();
    await system?.stop();
  });

  async function typesOf(ticketId: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('membership-card', ticketId),
    );
    return events.map((e) => e.type.replace('membership-card.', ''));
  }

  async function settled(ticketId: string, length: number) {
    return eventually(async () => {
      const timeline = await system.client.get<Timeline>(
        `${base}/${ticketId}/timeline`,
      );
      expect(timeline.entries).toHaveLength(length);
      const view = await system.client.get<View>(`${base}/${ticketId}`);
      return { view, timeline };
    });
  }

  /** 4.2 and 4.3: the inquiry, and the user sent to the app first. */
  async function inquire(
    memberId: string,
    actor: typeof agent | typeof online = agent,
  ): Promise<string> {
    const created = await system.client.send<Answer>(
      base,
      { memberId, caller: { phone: '13800138000' } },
      { actor },
    );
    expect(created.status).toBe(201);
    expect(created.body.ticket.number).toMatch(/^MC-\d{8}-\d{4}$/);
    const id = created.body.ticket.id;
    const guided = await system.client.post<Answer>(
      `${base}/${id}/self-check`,
      {},
      { actor },
    );
    expect(guided.ticket.status).toBe('STATUS_CHECK');
    return id;
  }

  async function mail(memberId: string, trackingNo: string) {
    const entered = await system.client.send<Answer>(
      '/card-courier-records',
      { memberId, courier: '顺丰速运', trackingNo, cardNo: 'EV-000123' },
      { actor: marketing },
    );
    expect(entered.status).toBe(201);
    return entered.body;
  }

  async function inbox(role: string): Promise<string[]> {
    const answer = await system.client.get<{ items: { ticketId: string }[] }>(
      `${base}/inbox/${role}`,
    );
    return answer.items.map((i) => i.ticketId);
  }

  async function timersOf(ticketId: string): Promise<TimerJob[]> {
    const jobs = await timers.queue.getJobs(['delayed', 'waiting']);
    return jobs
      .map((job) => job.data)
      .filter((data) => data.ticketId === ticketId)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Every event of every courier record. */
  async function courierEvents(): Promise<number> {
    const { rows } = await system.schema.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events
        WHERE stream_name LIKE 'card-courier-record-%'`,
    );
    return Number(rows[0].n);
  }

  async function deadlineTypes(ticketId: string): Promise<string[]> {
    return (await typesOf(ticketId)).filter((t) => t.startsWith('deadline-'));
  }

  /** Sets the clock, lets due timers run, waits for `count` deadline events. */
  async function at(local: string, ticketId: string, count: number) {
    clock.set(sh(local));
    await timers.promoteDue(clock.now());
    return eventually(async () => {
      const types = await deadlineTypes(ticketId);
      expect(types).toHaveLength(count);
      return types;
    });
  }

  describe('an application that was not approved (4.3.1)', () => {
    it('closes once the user is told the reason the platform gives', async () => {
      const id = await inquire('M-310000-0001');
      const answer = await system.client.post<Answer>(
        `${base}/${id}/rejected`,
        { reason: '驾驶证照片不清晰' },
        { actor: agent },
      );
      expect(answer.ticket).toMatchObject({
        status: 'CLOSED_REJECTED',
        holder: { role: null },
      });
      const { view, timeline } = await settled(id, 4);
      expect(view).toMatchObject({
        outcome: 'rejected',
        terminal: true,
        facts: { channel: 'phone', rejectionReasonKnown: true },
      });
      expect(timeline.entries[2].summaryZh).toBe('驾驶证照片不清晰');
    });

    it('closes as well where the platform has no reason (暂时查不到)', async () => {
      const id = await inquire('M-310000-0002', online);
      await system.client.post(`${base}/${id}/rejected`, {}, { actor: online });
      const { view, timeline } = await settled(id, 4);
      expect(view.facts).toMatchObject({
        channel: 'online',
        rejectionReasonKnown: false,
      });
      expect(timeline.entries[2].summaryZh).toBe('暂时查不到原因');
    });
  });

  describe('a card made and posted (4.3.2, made)', () => {
    it('tells the user the tracking number from the marketing post’s record', async () => {
      await mail('M-310000-0003', 'SF0000000003');
      const id = await inquire('M-310000-0003');

      const answer = await system.client.post<Answer>(
        `${base}/${id}/progress`,
        {},
        { actor: agent },
      );

      expect(answer.ticket.status).toBe('CLOSED_SHIPPED');
      expect(answer.events.map((e) => e.label.zh)).toEqual([
        '查询快递单号',
        '告知用户快递单号',
      ]);
      const { view, timeline } = await settled(id, 4);
      expect(view).toMatchObject({
        outcome: 'shipped',
        facts: { trackingNo: 'SF0000000003' },
      });
      expect(timeline.entries[2].summaryZh).toBe('顺丰速运 SF0000000003');
    });
  });

  describe('a replacement card', () => {
    it('is a second posting on the member’s record, however the id is typed, and the latest is told', async () => {
      // Member 0003's first card was posted above; the replacement is
      // entered with full-width digits and spaces.
      await mail(' M-３１００００-0003 ', 'SF0000000033');
      await eventually(async () => {
        const record = await system.client.get<{
          status: string;
          facts: Record<string, unknown>;
        }>('/card-courier-records/M-310000-0003');
        expect(record).toMatchObject({
          status: 'MAILED',
          facts: { mailings: 2 },
        });
      });

      const id = await inquire('M-310000-0003');
      const answer = await system.client.post<Answer>(
        `${base}/${id}/progress`,
        {},
        { actor: agent },
      );
      expect(answer.ticket.status).toBe('CLOSED_SHIPPED');
      const { view } = await settled(id, 4);
      expect(view.facts).toMatchObject({ trackingNo: 'SF0000000033' });
    });
  });

  describe('a card approved but not yet made (4.3.2, not made)', () => {
    it('waits, reminds the agent after 3 working days, escalates after 5 across National Day, and closes when the card is posted', async () => {
      clock.set(sh('2026-09-29 10:00'));
      const id = await inquire('M-310000-0004');
      const waiting = await system.client.post<Answer>(
        `${base}/${id}/progress`,
        {},
        { actor: agent },
      );
      expect(waiting.ticket).toMatchObject({
        status: 'AWAITING_CARD',
        holder: { role: null },
      });
      await eventually(async () => {
        expect(await inbox('cs-phone-agent')).not.toContain(id);
      });

      // 29–30 September, then 8 October (after the holiday) and one hour
      // of 9 October make 3 working days of 9 hours; 9 October, Saturday
      // 10 October (调休) and one hour of 12 October make 5.
      const jobs = await eventually(async () => {
        const found = await timersOf(id);
        expect(found).toHaveLength(2);
        return found;
      });
      expect(jobs.map((j) => [j.level, j.dueAt])).toEqual([
        ['warn-1', sh('2026-10-09 10:00')],
        ['breach', sh('2026-10-12 10:00')],
      ]);

      clock.set(sh('2026-10-09 09:59'));
      expect(await timers.promoteDue(clock.now())).toBe(0);
      expect(await deadlineTypes(id)).toEqual([]);

      await at('2026-10-09 10:00', id, 1);
      await eventually(async () => {
        expect(await inbox('cs-phone-agent')).toContain(id);
        const told = await alerts.forTicket(id);
        expect(told.map((a) => [a.level, a.role])).toEqual([
          ['warn-1', 'cs-phone-agent'],
        ]);
      });

      // The agent looks again: still nothing, so the case waits on.
      const checked = await system.client.post<Answer>(
        `${base}/${id}/check-courier`,
        {},
        { actor: agent },
      );
      expect(checked.ticket).toMatchObject({
        status: 'AWAITING_CARD',
        holder: { role: null },
      });

      await at('2026-10-12 10:00', id, 2);
      await eventually(async () => {
        const told = await alerts.forTicket(id);
        expect(told.map((a) => [a.level, a.role, a.reason])).toEqual(
          expect.arrayContaining([
            ['breach', 'cs-phone-agent', 'holder'],
            ['breach', 'cs-supervisor', 'escalation'],
          ]),
        );
        expect(await inbox('cs-phone-agent')).toContain(id);
      });

      // Past the 5 working days a look that finds nothing leaves the
      // case with the agent: no timer would bring it back again.
      const overdue = await system.client.post<Answer>(
        `${base}/${id}/check-courier`,
        {},
        { actor: agent },
      );
      expect(overdue.ticket).toMatchObject({
        status: 'AWAITING_CARD',
        holder: { role: 'cs-phone-agent' },
      });

      // Marketing posts the card: the waiting inquiry closes by itself,
      // telling the tracking number.
      clock.set(sh('2026-10-12 14:00'));
      await mail('M-310000-0004', 'SF0000000004');
      const closing = await eventually(async () => {
        const events = await system.resources.store.readStream(
          streamNameOf('membership-card', id),
        );
        expect(events.at(-1)?.type).toBe(
          'membership-card.user-told-tracking-number',
        );
        return events.at(-1)!;
      });
      expect(closing.metadata.actor).toMatchObject({
        role: 'system',
        kind: 'automatic',
      });
      expect(await typesOf(id)).toEqual([
        'inquiry-received',
        'user-guided-to-self-check',
        'user-told-to-wait',
        'deadline-warned',
        'card-still-not-mailed',
        'deadline-breached',
        'card-still-not-mailed',
        'tracking-number-looked-up',
        'user-told-tracking-number',
      ]);
      const { view } = await settled(id, 9);
      expect(view).toMatchObject({
        outcome: 'shipped',
        facts: { reminded: false, escalated: true },
      });
    });
  });

  describe('refusals through HTTP', () => {
    it('answers 403 to the marketing post on the inquiry and to an agent on the courier record', async () => {
      const id = await inquire('M-310000-0005');
      const refused = await system.client.send<ErrorAnswer>(
        `${base}/${id}/progress`,
        {},
        { actor: marketing },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.details).toMatchObject({
        permission: 'membership-card:LookUpCardProgress',
      });
      const notMine = await system.client.send<ErrorAnswer>(
        '/card-courier-records',
        { memberId: 'M-1', courier: '顺丰', trackingNo: 'SF1' },
        { actor: agent },
      );
      expect(notMine.status).toBe(403);
    });

    it('answers 403 to every role but the marketing post on the courier record, appending nothing', async () => {
      const before = await courierEvents();
      const others = ROLE_IDS.filter(
        (role) => role !== 'system' && role !== 'marketing-manager',
      );
      const answers = await Promise.all(
        others.map((role) =>
          system.client.send<ErrorAnswer>(
            '/card-courier-records',
            { memberId: 'M-310000-0003', courier: '顺丰', trackingNo: 'SF9' },
            {
              actor: { id: `${role}-someone`, role, subsidiary: 'sh' },
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
          details: { permission: 'card-courier-record:RecordCardMailed' },
        });
      });
      expect(await courierEvents()).toBe(before);
    });

    it('answers 404 to the other subsidiary for a member’s courier record, reading or posting', async () => {
      const jq = { id: 'mkt-jq', role: 'marketing-manager', subsidiary: 'jq' };
      await eventually(async () => {
        const own = await system.client.fetch(
          '/card-courier-records/M-310000-0003',
        );
        expect(own.status).toBe(200);
      });
      const read = await system.client.fetch<ErrorAnswer>(
        '/card-courier-records/M-310000-0003',
        { actor: jq },
      );
      expect(read.status).toBe(404);
      const before = await courierEvents();
      const posted = await system.client.send<ErrorAnswer>(
        '/card-courier-records',
        { memberId: 'M-310000-0003', courier: '顺丰', trackingNo: 'SF9' },
        { actor: jq },
      );
      expect(posted.status).toBe(404);
      expect(posted.body.error.code).toBe('TICKET_NOT_FOUND');
      expect(await courierEvents()).toBe(before);
    });

    it('answers 400 naming every failing field of a courier record, and records nothing', async () => {
      const before = await courierEvents();
      const answer = await system.client.send<{
        error: { details: { fields: { field: string }[] } };
      }>(
        '/card-courier-records',
        { memberId: '', courier: 7, mailedAt: 'yesterday', extra: true },
        { actor: marketing },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.fields.map((f) => f.field)).toEqual(
        expect.arrayContaining([
          'memberId',
          'courier',
          'trackingNo',
          'mailedAt',
          'extra',
        ]),
      );
      expect(await courierEvents()).toBe(before);
    });

    it('answers 409 for a step out of order', async () => {
      const created = await system.client.post<Answer>(
        base,
        { memberId: 'M-310000-0006' },
        { actor: agent },
      );
      const early = await system.client.send<ErrorAnswer>(
        `${base}/${created.ticket.id}/progress`,
        {},
        { actor: agent },
      );
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('TICKET_NOT_IN_STATE');
    });

    it('answers 400 naming every failing field, and opens nothing', async () => {
      const answer = await system.client.send<{
        error: { details: { fields: { field: string }[] } };
      }>(
        base,
        { memberId: '', caller: { phone: 'x' }, courier: { found: true } },
        { actor: agent },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.fields.map((f) => f.field)).toEqual(
        expect.arrayContaining(['memberId', 'caller.phone', 'courier']),
      );
    });
  });

  describe('the reporting rows', () => {
    it('count the inquiries by status and outcome', async () => {
      // From the first day of the controlled clock on, whichever clock
      // stamps the reporting day.
      await eventually(async () => {
        const rows = await reportByStatus(system.client, base, {
          since: '2026-09-29',
        });
        expect(
          rows.find((row) => row.status === 'CLOSED_SHIPPED'),
        ).toMatchObject({ outcome: 'shipped', tickets: 3 });
        expect(
          rows.find((row) => row.status === 'CLOSED_REJECTED'),
        ).toMatchObject({ outcome: 'rejected', tickets: 2 });
      });
    });
  });

  describe('the audit tool over this log', () => {
    it('verifies the inquiries and the courier records against their tables', async () => {
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
        expect(summary.processes['membership-card'].streams).toBe(7);
        expect(summary.processes['card-courier-record'].streams).toBe(2);
      });
    });

    it('counts the closed inquiries as following the manual’s path', async () => {
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
        expect(
          report.processes.find((p) => p.processId === 'membership-card'),
        ).toMatchObject({ tickets: 7, followedExactly: 5, withDeviations: 0 });
      });
    });
  });
});
