import { streamNameOf } from '@opsdesk/domain';
import { ChinaWorkingCalendar, shanghaiDay } from '@opsdesk/platform';
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
  state: {
    linkedTickets: {
      processId: string;
      ticketId: string;
      ticketNumber?: string;
    }[];
  };
};
type Timeline = {
  entries: { type: string; labelZh: string; summaryZh: string | null }[];
};

const agent = { id: 'agent-0107', role: 'cs-phone-agent' } as const;
const online = { id: 'online-0201', role: 'cs-online-agent' } as const;
const leader = { id: 'leader-chen', role: 'cs-shift-leader' } as const;
const supervisor = { id: 'sup-zhou', role: 'cs-supervisor' } as const;
const manager = { id: 'mgr-wu', role: 'cs-manager-outsourcer' } as const;
const tech = { id: 'tech-wang', role: 'tech-manager' } as const;
const hq = { id: 'hq-li', role: 'hq-cs-manager' } as const;

/** Saturday 3 October 2026, 10:00 in Shanghai: a National Day holiday. */
const HOLIDAY = '2026-10-03T10:00:00+08:00';

/**
 * 客服中心应急处理流程 through HTTP → queues → workers → store → process
 * manager → projections: the advance-notice path and each of the three
 * scenarios, the links to affected tickets, and the refusals.
 */
jest.setTimeout(60_000);

describe('centre emergencies, end to end', () => {
  let system: TestSystem;
  let affected: { id: string; number: string };

  beforeAll(async () => {
    system = await startTestSystem();
    const opened = await system.client.send<Answer>(
      '/order-anomalies',
      {
        orderId: 'ORD-20261003-0001',
        memberId: 'M-310000-5521',
        vehicleId: '沪A·D12345',
        caller: { phone: '13800138000' },
        description: 'APP故障期间无法还车',
      },
      { actor: agent },
    );
    affected = { id: opened.body.ticket.id, number: opened.body.ticket.number };
  });

  afterAll(async () => {
    await system?.stop();
  });

  const base = '/centre-emergencies';

  async function typesOf(ticketId: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('centre-emergency', ticketId),
    );
    return events.map((e) => e.type.replace('centre-emergency.', ''));
  }

  async function settled(ticketId: string, length: number) {
    return eventually(async () => {
      // The view and the timeline are written together; read the timeline
      // first so a complete one means the view read after it is too.
      const timeline = await system.client.get<Timeline>(
        `${base}/${ticketId}/timeline`,
      );
      expect(timeline.entries).toHaveLength(length);
      const view = await system.client.get<View>(`${base}/${ticketId}`);
      return { view, timeline };
    });
  }

  async function open(
    faultType: string,
    extra: Record<string, unknown> = {},
  ): Promise<Answer> {
    const created = await system.client.send<Answer>(
      base,
      {
        faultType,
        advanceNotice: false,
        description: '故障描述',
        ...extra,
      },
      { actor: agent },
    );
    expect(created.status).toBe(201);
    expect(created.body.ticket.number).toMatch(/^CE-\d{8}-\d{4}$/);
    return created.body;
  }

  /** Not announced: the estimate, then everyone on the phones. */
  async function degraded(faultType: string, extra = {}): Promise<string> {
    const { ticket } = await open(faultType, extra);
    const eta = await system.client.post<Answer>(
      `${base}/${ticket.id}/repair-eta`,
      {
        eta: new Date(Date.now() + 3_600_000).toISOString(),
        techContact: '技术管理岗 王工',
      },
      { actor: manager },
    );
    expect(eta.events.map((e) => e.label.zh)).toEqual([
      '与技术管理岗确认预计修复时间',
      '实时上报总部客服经理',
    ]);
    const hands = await system.client.post<Answer>(
      `${base}/${ticket.id}/all-hands`,
      { staff: ['值班长 陈', '主管 周', '坐席 0107'] },
      { actor: leader },
    );
    expect(hands.ticket).toMatchObject({
      status: 'DEGRADED_OPERATION',
      holder: { role: 'tech-manager' },
    });
    return ticket.id;
  }

  async function resolve(id: string) {
    const fixed = await system.client.post<Answer>(
      `${base}/${id}/resolve`,
      { cause: '机房交换机故障' },
      { actor: tech },
    );
    expect(fixed.ticket.status).toBe('RECOVERING');
    return fixed;
  }

  describe('a fault announced in advance (4.2)', () => {
    it('ends once the CS manager activates the emergency mechanism', async () => {
      const { ticket } = await open('app', { advanceNotice: true });
      expect(ticket).toMatchObject({
        status: 'PRE_ANNOUNCED',
        holder: { role: 'cs-manager-outsourcer' },
      });

      const ended = await system.client.post<Answer>(
        `${base}/${ticket.id}/emergency-mechanism`,
        { note: '按应急预案执行' },
        { actor: manager },
      );

      expect(ended.ticket.status).toBe('CLOSED_EMERGENCY_MECHANISM');
      const { view, timeline } = await settled(ticket.id, 2);
      expect(view).toMatchObject({
        outcome: 'emergency-mechanism',
        holderRole: null,
        terminal: true,
      });
      expect(timeline.entries[0]).toMatchObject({
        labelZh: '故障登记《系统问题记录表》',
        summaryZh: 'APP故障（已提前通知）：故障描述',
      });
    });
  });

  describe('an app fault without notice, on a holiday (4.3, 4.4, 3.3)', () => {
    it('runs degraded until fixed, links the affected ticket, and closes after the held-over requests', async () => {
      const { ticket } = await open('app', { detectedAt: HOLIDAY });
      const id = ticket.id;
      const report = await system.client.post<Answer>(
        `${base}/${id}/off-day-report`,
        {},
        { actor: leader },
      );
      expect(report.events[0].label.zh).toBe('非工作日值班长上报客服经理');
      await system.client.post(
        `${base}/${id}/repair-eta`,
        {
          eta: new Date(Date.now() + 3_600_000).toISOString(),
          techContact: '王工',
        },
        { actor: manager },
      );
      await system.client.post(
        `${base}/${id}/online-staff`,
        { staff: ['在线 0201'] },
        { actor: online },
      );
      await system.client.post(
        `${base}/${id}/all-hands`,
        { staff: ['值班长 陈'] },
        { actor: leader },
      );
      await system.client.post(
        `${base}/${id}/next-shift`,
        { staff: ['翻班 0301'] },
        { actor: leader },
      );
      await system.client.post(
        `${base}/${id}/support-staff`,
        { staff: ['主管 周'] },
        { actor: supervisor },
      );
      const linked = await system.client.post<Answer>(
        `${base}/${id}/links`,
        { processId: 'order-anomaly', ticketId: affected.id },
        { actor: hq },
      );
      expect(linked.events[0].label.zh).toBe('关联受影响工单');

      // Technical management holds it while the fault lasts.
      await eventually(async () => {
        const inbox = await system.client.get<{
          items: { ticketId: string }[];
        }>(`${base}/inbox/tech-manager`);
        expect(inbox.items.map((i) => i.ticketId)).toContain(id);
      });
      await resolve(id);

      const early = await system.client.send<ErrorAnswer>(
        `${base}/${id}/close`,
        { summary: '恢复' },
        { actor: supervisor },
      );
      expect(early.status).toBe(409);
      expect(early.body.error).toMatchObject({
        code: 'EMERGENCY_NOT_READY_TO_CLOSE',
        details: { missingSteps: ['deferred-requests-processed'] },
      });

      await system.client.post(
        `${base}/${id}/deferred-requests`,
        { handled: 12 },
        { actor: agent },
      );
      const closed = await system.client.post<Answer>(
        `${base}/${id}/close`,
        { summary: 'APP恢复，积压诉求已处理' },
        { actor: supervisor },
      );
      expect(closed.ticket.status).toBe('CLOSED_RESOLVED');

      expect(await typesOf(id)).toEqual([
        'fault-logged',
        'reported-to-cs-manager',
        'repair-eta-confirmed',
        'reported-to-hq-cs-manager',
        'online-staff-lent',
        'all-hands-on-phones',
        'next-shift-called-in-early',
        'support-staff-deployed',
        'ticket-linked',
        'fault-resolved',
        'deferred-requests-processed',
        'emergency-closed',
      ]);
      const { view, timeline } = await settled(id, 12);
      expect(view).toMatchObject({
        outcome: 'resolved',
        terminal: true,
        facts: { faultType: 'app', linkedTickets: 1 },
      });
      expect(view.state.linkedTickets).toEqual([
        {
          processId: 'order-anomaly',
          ticketId: affected.id,
          ticketNumber: affected.number,
        },
      ]);
      expect(timeline.entries[1].summaryZh).toBe('非工作日 2026-10-03');
    });
  });

  describe('a back-office fault (二)', () => {
    it('records requests by hand, enters each as a task after the fix, then closes', async () => {
      const id = await degraded('backoffice-network-power');
      await system.client.post(
        `${base}/${id}/managers`,
        { managers: ['主管 周', '经理 吴'] },
        { actor: supervisor },
      );
      for (const request of ['还车后无法结束订单', '咨询退款进度']) {
        await system.client.post(
          `${base}/${id}/handwritten-requests`,
          { customer: { phone: '13800138000', name: '刘女士' }, request },
          { actor: agent },
        );
      }
      await resolve(id);

      const pending = await system.client.send<ErrorAnswer>(
        `${base}/${id}/close`,
        { summary: '恢复' },
        { actor: supervisor },
      );
      expect(pending.status).toBe(409);
      expect(pending.body.error.details).toMatchObject({
        missingSteps: [],
        pendingEntries: ['H1', 'H2'],
      });

      const missing = await system.client.send<ErrorAnswer>(
        `${base}/${id}/backfill`,
        {
          entryId: 'H1',
          task: '补建订单异常工单',
          ticket: {
            processId: 'order-anomaly',
            ticketId: '01956f3a-7c2e-7a10-9b1e-0a00000000ff',
          },
        },
        { actor: agent },
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('LINKED_TICKET_NOT_FOUND');

      await system.client.post(
        `${base}/${id}/backfill`,
        {
          entryId: 'H1',
          task: '补建订单异常工单',
          ticket: { processId: 'order-anomaly', ticketId: affected.id },
        },
        { actor: agent },
      );
      const last = await system.client.post<Answer>(
        `${base}/${id}/backfill`,
        { entryId: 'H2', task: '已电话告知退款进度' },
        { actor: supervisor },
      );
      expect(last.ticket.holder.role).toBe('cs-supervisor');
      const closed = await system.client.post<Answer>(
        `${base}/${id}/close`,
        { summary: '后台恢复，手工记录均已补建' },
        { actor: manager },
      );
      expect(closed.ticket.status).toBe('CLOSED_RESOLVED');

      const { view, timeline } = await settled(id, 11);
      expect(view.facts).toMatchObject({
        handwrittenEntries: 2,
        entriesNotBackfilled: 0,
      });
      const written = timeline.entries.find(
        (e) => e.type === 'centre-emergency.handwritten-request-recorded',
      );
      // The customer's phone stays out of the timeline line.
      expect(written?.summaryZh).toBe('H1：还车后无法结束订单');
    });

    it('refuses the shift leader’s off-day report for a fault on a working day', async () => {
      // Not today, which may fall on a weekend: the last working day before
      // it, by the calendar the process reads (调休 Saturdays included).
      const day = lastWorkingDayBefore(shanghaiDay(new Date()));
      const { ticket } = await open('backoffice-network-power', {
        detectedAt: `${day}T10:00:00+08:00`,
      });
      const refused = await system.client.send<ErrorAnswer>(
        `${base}/${ticket.id}/off-day-report`,
        {},
        { actor: leader },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'NOT_A_NON_WORKING_DAY',
        details: { day },
      });
    });
  });

  describe('a hotline fault (三)', () => {
    it('records missed calls, calls each back once the line returns, then closes', async () => {
      const id = await degraded('hotline-400-or-udesk');
      await system.client.post(
        `${base}/${id}/tianrun-report`,
        { reference: 'TR-88231' },
        { actor: supervisor },
      );
      await system.client.post(
        `${base}/${id}/missed-calls`,
        { caller: { phone: '13900139000' } },
        { actor: online },
      );
      await system.client.post(
        `${base}/${id}/missed-calls`,
        { caller: { phone: '13700137000' } },
        { actor: agent },
      );
      const fixed = await resolve(id);
      expect(fixed.ticket.holder.role).toBe('cs-phone-agent');

      await system.client.post(
        `${base}/${id}/callbacks`,
        { callId: 'M1', outcome: 'reached' },
        { actor: online },
      );
      const twice = await system.client.send<ErrorAnswer>(
        `${base}/${id}/callbacks`,
        { callId: 'M1', outcome: 'reached' },
        { actor: agent },
      );
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('EMERGENCY_RECORD_ALREADY_DONE');
      await system.client.post(
        `${base}/${id}/callbacks`,
        { callId: 'M2', outcome: 'unreachable' },
        { actor: agent },
      );
      const closed = await system.client.post<Answer>(
        `${base}/${id}/close`,
        { summary: '400恢复，未接来电已回拨' },
        { actor: supervisor },
      );
      expect(closed.ticket.status).toBe('CLOSED_RESOLVED');
      const { view } = await settled(id, 11);
      expect(view.facts).toMatchObject({
        missedCalls: 2,
        callsNotCalledBack: 0,
      });
    });
  });

  describe('a branch step recorded only after the fix', () => {
    it('still lets the emergency close: 天润 told late for a hotline fault', async () => {
      const id = await degraded('hotline-400-or-udesk');
      await resolve(id);

      const early = await system.client.send<ErrorAnswer>(
        `${base}/${id}/close`,
        { summary: '400恢复' },
        { actor: supervisor },
      );
      expect(early.status).toBe(409);
      expect(early.body.error).toMatchObject({
        code: 'EMERGENCY_NOT_READY_TO_CLOSE',
        details: { missingSteps: ['tianrun-repair-reported'] },
      });

      const late = await system.client.post<Answer>(
        `${base}/${id}/tianrun-report`,
        { reference: 'TR-88232', note: '故障期间已致电，事后补记' },
        { actor: supervisor },
      );
      expect(late.ticket).toMatchObject({
        status: 'RECOVERING',
        holder: { role: 'cs-supervisor' },
      });
      const closed = await system.client.post<Answer>(
        `${base}/${id}/close`,
        { summary: '400恢复，天润报修已补记' },
        { actor: supervisor },
      );
      expect(closed.ticket.status).toBe('CLOSED_RESOLVED');
      expect(await typesOf(id)).toEqual([
        'fault-logged',
        'repair-eta-confirmed',
        'reported-to-hq-cs-manager',
        'all-hands-on-phones',
        'fault-resolved',
        'tianrun-repair-reported',
        'emergency-closed',
      ]);
    });
  });

  describe('a network outage, its paper notes entered once it is over', () => {
    it('takes the hand-written requests and the managers after the fix, back-fills them and closes', async () => {
      const id = await degraded('backoffice-network-power');
      // Written on paper while nothing could be entered.
      const during = new Date(Date.now() - 60_000).toISOString();
      const fixed = await resolve(id);
      expect(fixed.ticket.holder.role).toBe('cs-supervisor');

      const entered = await system.client.post<Answer>(
        `${base}/${id}/handwritten-requests`,
        {
          customer: { phone: '13800138000' },
          request: '网络中断时无法还车',
          receivedAt: during,
        },
        { actor: agent },
      );
      expect(entered.ticket).toMatchObject({
        status: 'RECOVERING',
        holder: { role: 'cs-phone-agent' },
      });
      const afterFix = await system.client.send<ErrorAnswer>(
        `${base}/${id}/handwritten-requests`,
        { customer: { phone: '13800138000' }, request: '恢复后来电' },
        { actor: agent },
      );
      expect(afterFix.status).toBe(400);
      expect(
        (afterFix.body.error.details.fields as { field: string }[]).map(
          (f) => f.field,
        ),
      ).toEqual(['payload.receivedAt']);

      await system.client.post(
        `${base}/${id}/managers`,
        { managers: ['主管 周', '经理 吴'] },
        { actor: supervisor },
      );
      await system.client.post(
        `${base}/${id}/backfill`,
        { entryId: 'H1', task: '已补建还车异常工单' },
        { actor: agent },
      );
      const closed = await system.client.post<Answer>(
        `${base}/${id}/close`,
        { summary: '网络恢复，纸质记录已录入并补建' },
        { actor: supervisor },
      );
      expect(closed.ticket.status).toBe('CLOSED_RESOLVED');
      expect(await typesOf(id)).toEqual([
        'fault-logged',
        'repair-eta-confirmed',
        'reported-to-hq-cs-manager',
        'all-hands-on-phones',
        'fault-resolved',
        'handwritten-request-recorded',
        'two-managers-designated',
        'task-backfilled',
        'emergency-closed',
      ]);
    });
  });

  describe('a back-office or hotline fault announced in advance (4.2)', () => {
    it.each(['backoffice-network-power', 'hotline-400-or-udesk'])(
      'a %s fault ends at the emergency mechanism as well',
      async (faultType) => {
        const { ticket } = await open(faultType, { advanceNotice: true });
        expect(ticket.status).toBe('PRE_ANNOUNCED');
        // The scenario's own records belong to a fault the centre runs
        // itself; the emergency plan takes this one over.
        const refused = await system.client.send<ErrorAnswer>(
          `${base}/${ticket.id}/repair-eta`,
          {
            eta: new Date(Date.now() + 3_600_000).toISOString(),
            techContact: '王工',
          },
          { actor: manager },
        );
        expect(refused.status).toBe(409);
        expect(refused.body.error.code).toBe('TICKET_NOT_IN_STATE');
        const ended = await system.client.post<Answer>(
          `${base}/${ticket.id}/emergency-mechanism`,
          {},
          { actor: manager },
        );
        expect(ended.ticket.status).toBe('CLOSED_EMERGENCY_MECHANISM');
        const { view } = await settled(ticket.id, 2);
        expect(view).toMatchObject({
          outcome: 'emergency-mechanism',
          terminal: true,
          facts: { faultType, advanceNotice: true },
        });
      },
    );
  });

  describe('refusals through HTTP', () => {
    let id: string;

    beforeAll(async () => {
      id = await degraded('app');
    });

    it('answers 404 for linking a ticket that does not exist, and 409 for a second link', async () => {
      const missing = await system.client.send<ErrorAnswer>(
        `${base}/${id}/links`,
        {
          processId: 'station-fault',
          ticketId: '01956f3a-7c2e-7a10-9b1e-0a00000000ff',
        },
        { actor: agent },
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('LINKED_TICKET_NOT_FOUND');

      await system.client.post(
        `${base}/${id}/links`,
        { processId: 'order-anomaly', ticketId: affected.id },
        { actor: agent },
      );
      const again = await system.client.send<ErrorAnswer>(
        `${base}/${id}/links`,
        { processId: 'order-anomaly', ticketId: affected.id },
        { actor: online },
      );
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('TICKET_ALREADY_LINKED');

      const unlinked = await system.client.post<Answer>(
        `${base}/${id}/unlink`,
        { processId: 'order-anomaly', ticketId: affected.id },
        { actor: agent },
      );
      expect(unlinked.events[0].label.zh).toBe('取消关联工单');
    });

    it('answers 409 for a step of another scenario', async () => {
      const refused = await system.client.send<ErrorAnswer>(
        `${base}/${id}/managers`,
        { managers: ['主管 周', '经理 吴'] },
        { actor: supervisor },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'WRONG_FAULT_TYPE',
        details: { faultType: 'app', expected: 'backoffice-network-power' },
      });
    });

    it('answers 403 naming the permission to a role that may not act', async () => {
      const refused = await system.client.send<ErrorAnswer>(
        `${base}/${id}/resolve`,
        { cause: '自行恢复' },
        { actor: agent },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'ROLE_NOT_PERMITTED',
        details: { permission: 'centre-emergency:ResolveFault' },
      });
    });

    it('answers 400 naming every failing field, and opens nothing', async () => {
      const answer = await system.client.send<{
        error: { code: string; details: { fields: { field: string }[] } };
      }>(
        base,
        { faultType: 'elevator', description: '', extra: 1 },
        { actor: agent },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.fields.map((f) => f.field)).toEqual(
        expect.arrayContaining([
          'faultType',
          'advanceNotice',
          'description',
          'extra',
        ]),
      );
    });
  });

  describe('an emergency logged in the suburbs', () => {
    // 总部技术管理岗 fixes the fault for every subsidiary (3.6): a token
    // of headquarters sees and resolves it; the outsourced centre's
    // manager of another subsidiary does not see it.
    const jq = <A extends { id: string; role: string }>(actor: A) => ({
      ...actor,
      id: `${actor.id}-jq`,
      subsidiary: 'jq',
    });
    const hqTech = { ...tech, id: 'tech-hq', subsidiary: 'hq' };

    it('is held and resolved by headquarters’ technical management, and hidden from the city’s CS manager', async () => {
      const logged = await system.client.send<Answer>(
        base,
        { faultType: 'app', advanceNotice: false, description: 'APP无法下单' },
        { actor: jq(agent) },
      );
      expect(logged.status).toBe(201);
      const id = logged.body.ticket.id;
      await system.client.post(
        `${base}/${id}/repair-eta`,
        {
          eta: new Date(Date.now() + 3_600_000).toISOString(),
          techContact: '王工',
        },
        { actor: jq(manager) },
      );
      const hands = await system.client.post<Answer>(
        `${base}/${id}/all-hands`,
        { staff: ['值班长 陈'] },
        { actor: jq(leader) },
      );
      expect(hands.ticket).toMatchObject({
        status: 'DEGRADED_OPERATION',
        holder: { role: 'tech-manager' },
      });

      const techDesk = system.client.as(hqTech);
      await eventually(async () => {
        const inbox = await techDesk.get<{ items: { ticketId: string }[] }>(
          `${base}/inbox/tech-manager`,
        );
        expect(inbox.items.map((i) => i.ticketId)).toContain(id);
      });
      expect((await techDesk.fetch(`${base}/${id}`)).status).toBe(200);
      const fixed = await system.client.post<Answer>(
        `${base}/${id}/resolve`,
        { cause: 'APP网关故障' },
        { actor: hqTech },
      );
      expect(fixed.ticket.status).toBe('RECOVERING');

      const cityManager = await system.client.fetch<ErrorAnswer>(
        `${base}/${id}`,
        { actor: manager },
      );
      expect(cityManager.status).toBe(404);
      expect(cityManager.body.error.code).toBe('TICKET_NOT_FOUND');
    });
  });

  describe('the reporting rows', () => {
    it('count today’s emergencies by status and outcome', async () => {
      await eventually(async () => {
        const rows = await reportByStatus(system.client, base);
        expect(
          rows.find((row) => row.status === 'CLOSED_RESOLVED'),
        ).toMatchObject({ outcome: 'resolved', tickets: 5 });
        expect(
          rows.find((row) => row.status === 'CLOSED_EMERGENCY_MECHANISM'),
        ).toMatchObject({ outcome: 'emergency-mechanism', tickets: 3 });
      });
    });
  });

  describe('the audit tool over this log', () => {
    it('verifies every centre-emergency stream against the transition table', async () => {
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
        // Four branches, the late 天润 report, the notes entered after a
        // network outage, two more announced faults, the working-day
        // refusal, the refusals' case and the suburbs' app fault.
        expect(summary.processes['centre-emergency'].streams).toBe(11);
      });
    });

    it('counts the closed emergencies as following the manual’s path', async () => {
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
          report.processes.find((p) => p.processId === 'centre-emergency'),
        ).toMatchObject({ tickets: 11, followedExactly: 8, withDeviations: 0 });
      });
    });
  });
});

/** The last working day before `day` (both `YYYY-MM-DD`, Shanghai). */
function lastWorkingDayBefore(day: string): string {
  const calendar = new ChinaWorkingCalendar();
  const date = new Date(`${day}T00:00:00Z`);
  do {
    date.setUTCDate(date.getUTCDate() - 1);
  } while (!calendar.isWorkingDay(date.toISOString().slice(0, 10)));
  return date.toISOString().slice(0, 10);
}
