import {
  evolveTrafficViolation,
  initialTrafficViolationState,
  nextViolationStep,
  streamNameOf,
  type TrafficViolationEvent,
} from '@opsdesk/domain';
import { shanghaiDay, SteppableClock } from '@opsdesk/platform';
import { CheckpointStore } from '@opsdesk/messaging';
import { TrafficViolationTimers, violationTimerJobId } from '@opsdesk/runtime';
import { audit } from '../apps/audit/src/testing/audit-harness';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';

jest.setTimeout(60_000);

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
type Run = { ran: string[]; status: string | null; stoppedBy: string | null };

/** `2026-09-24 11:00` in Shanghai as an instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const specialist = { id: 'spec-zhou', role: 'subsidiary-violation-specialist' };
const operator = { id: 'sup-chen', role: 'cs-supervisor' };
const online = { id: 'online-he', role: 'cs-online-agent' };
const reminder = { id: 'remind-xu', role: 'cs-violation-reminder-specialist' };
const risk = { id: 'risk-lin', role: 'risk-control-manager' };
const finance = { id: 'finance-sun', role: 'finance-manager' };
const phoneAgent = { id: 'agent-0107', role: 'cs-phone-agent' };

const violation = {
  memberId: 'M-310000-4411',
  phone: '13600006666',
  email: 'li@example.com',
  violation: {
    plate: '沪A·D54321',
    occurredAt: '2026-09-01T10:30:00+08:00',
    location: '上海市徐汇区漕溪北路',
    description: '违法停车',
    fineFen: 20000,
    points: 0,
  },
};

/**
 * 用户违章处理流程 on a controlled clock through HTTP → queues → workers →
 * store → projections: the SMS days, the day-3, day-8 and day-12 steps
 * and the deduction fall on their exact days, across 中秋 and 国庆 2026,
 * with China's published calendar (chinese-days).
 */
describe('traffic violations, end to end', () => {
  let system: TestSystem;
  const clock = new SteppableClock(sh('2026-09-24 11:00'));

  beforeAll(async () => {
    system = await startTestSystem({}, { clock });
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function typesOf(id: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('traffic-violation', id),
    );
    return events.map((e) => e.type.replace('traffic-violation.', ''));
  }

  async function enter(at: string): Promise<string> {
    clock.set(sh(at));
    const answer = await system.client.post<Answer>(
      '/traffic-violations',
      violation,
      {
        actor: specialist,
      },
    );
    return answer.ticket.id;
  }

  /**
   * The timers follower has set the case's next timer. It counts the job's
   * delay from the clock as it finds it: moved a second short of the
   * instant before the follower got there, the job would fire in a second
   * of real time and run the step before the test's own call.
   */
  async function nextTimerSet(id: string): Promise<void> {
    const events = await system.resources.store.readStream(
      streamNameOf('traffic-violation', id),
    );
    const state = events.reduce(
      (folded, e) =>
        evolveTrafficViolation(folded, {
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
        } as unknown as TrafficViolationEvent),
      initialTrafficViolationState,
    );
    const next = nextViolationStep(state);
    if (!next) return;
    await eventually(async () => {
      const job = await system.resources.queues
        .queue('system')
        .getJob(violationTimerJobId(id, next.step));
      expect(job).toBeDefined();
    });
  }

  async function runAt(id: string, at: Date): Promise<Run> {
    await nextTimerSet(id);
    clock.set(at);
    // The hook looks the case up in the log: no wait for a read model.
    return system.client.post<Run>(
      `/traffic-violations/${id}/run-due-steps`,
      {},
      { actor: operator },
    );
  }

  /** Nothing runs a second before `at`; the step runs at `at`. */
  async function fallsOn(id: string, at: Date, type: string) {
    const before = await runAt(id, new Date(at.getTime() - 1000));
    expect(before).toMatchObject({
      ran: [],
      stoppedBy: 'VIOLATION_STEP_NOT_DUE',
    });
    const onTime = await runAt(id, at);
    expect(onTime.ran).toEqual([`traffic-violation.${type}`]);
  }

  describe('entry on the days of 3.1', () => {
    it('is refused on a Tuesday, and taken from the lead with a reason', async () => {
      clock.set(sh('2026-09-22 10:00'));
      const refused = await system.client.send<ErrorAnswer>(
        '/traffic-violations',
        violation,
        { actor: specialist },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'VIOLATION_ENTRY_DAY_NOT_ALLOWED',
        details: { day: '2026-09-22', weekday: 'Tuesday' },
      });

      // A lead's token cannot carry this role yet (see the report), so the
      // lead's entry goes on the specialist's queue as the API would put it.
      const commandId = '01956f3a-7c2e-7a10-9b1e-0a00000000aa';
      const ticketId = '01956f3a-7c2e-7a10-9b1e-0a00000000ab';
      await system.resources.queues.addCommand(
        'subsidiary-violation-specialist',
        {
          commandId,
          processId: 'traffic-violation',
          ticketId,
          type: 'EnterViolation',
          payload: { ...violation, overrideReason: '周一系统故障，补录' },
          actor: {
            id: 'lead-wang',
            role: 'subsidiary-violation-specialist',
            kind: 'person',
            subsidiary: 'sh',
            lead: true,
          },
          correlationId: commandId,
          causationId: commandId,
          issuedAt: clock.now().toISOString(),
        },
      );
      const stored = await eventually(async () => {
        const events = await system.resources.store.readStream(
          streamNameOf('traffic-violation', ticketId),
        );
        expect(events.length).toBeGreaterThan(0);
        return events;
      });
      expect(stored[0].data).toMatchObject({
        entryOverride: { by: 'lead-wang', reason: '周一系统故障，补录' },
        schedule: { day0: '2026-09-22' },
      });
    });
  });

  describe('a case entered on Thursday 24 September 2026 and never handled', () => {
    let id: string;

    it('sends the day-0 SMS by itself and sets the day-1 timer on the system queue', async () => {
      id = await enter('2026-09-24 11:00');
      await eventually(async () => {
        expect(await typesOf(id)).toEqual(['violation-entered', 'sms-sent']);
      });
      const job = await eventually(async () => {
        const found = await system.resources.queues
          .queue('system')
          .getJob(violationTimerJobId(id, 'sms-1'));
        expect(found).toBeDefined();
        return found!;
      });
      expect(job.data).toMatchObject({
        kind: 'command',
        command: {
          type: 'RunDueViolationStep',
          payload: { step: 'sms-1' },
          issuedAt: sh('2026-09-25 09:00').toISOString(),
        },
      });
    });

    it('gets a timer that Redis lost back from the log', async () => {
      const queue = system.resources.queues.queue('system');
      const jobId = violationTimerJobId(id, 'sms-1');
      await (await queue.getJob(jobId))!.remove();
      expect(await queue.getJob(jobId)).toBeUndefined();

      // What a restarted follower does first, before following the log.
      const { store, pool, queues, clock: systemClock } = system.resources;
      const timers = new TrafficViolationTimers({
        store,
        checkpoints: new CheckpointStore(pool),
        queues,
        clock: systemClock,
        logger: system.resources.logger,
      });
      // The global read may show the case's last event a moment late.
      const again = await eventually(async () => {
        expect(await timers.reconcile()).toBeGreaterThanOrEqual(1);
        const job = await queue.getJob(jobId);
        expect(job).toBeDefined();
        return job!;
      });
      expect(again.data).toMatchObject({
        command: {
          payload: { step: 'sms-1' },
          issuedAt: sh('2026-09-25 09:00').toISOString(),
        },
      });
      expect(await again.getState()).toBe('delayed');
    });

    it('sends the SMS on days 1 and 2, the 中秋 holidays, at 09:00', async () => {
      await fallsOn(id, sh('2026-09-25 09:00'), 'sms-sent');
      await fallsOn(id, sh('2026-09-26 09:00'), 'sms-sent');
    });

    it('gives the case to the reminder specialist on day 3', async () => {
      await fallsOn(id, sh('2026-09-27 09:00'), 'first-days-ended');
      await eventually(async () => {
        const inbox = await system.client.get<{
          items: { ticketId: string }[];
        }>('/traffic-violations/inbox/cs-violation-reminder-specialist');
        expect(inbox.items.map((i) => i.ticketId)).toContain(id);
      });
      clock.set(sh('2026-09-27 10:00'));
      const called = await system.client.post<Answer>(
        `/traffic-violations/${id}/reminder-call`,
        { contactOutcome: 'reached' },
        { actor: reminder },
      );
      expect(called.ticket.holder.role).toBe('cs-online-agent');
      await system.client.post(
        `/traffic-violations/${id}/materials-emailed`,
        {
          email: 'li@example.com',
          materials: [
            'vehicle-licence-scan',
            'violation-notice',
            'confirmation-form',
          ],
        },
        { actor: online },
      );
    });

    it('makes the warning call due on day 8, 2 October, a holiday', async () => {
      await fallsOn(id, sh('2026-10-02 09:00'), 'warning-call-due');
      clock.set(sh('2026-10-02 09:30'));
      await system.client.post(
        `/traffic-violations/${id}/warning-call`,
        { contactOutcome: 'unreachable' },
        { actor: reminder },
      );
    });

    it('has nothing due on day 12, 6 October (a holiday), and risk control calls on 8 October', async () => {
      const day12 = await runAt(id, sh('2026-10-06 09:00'));
      expect(day12).toMatchObject({
        ran: [],
        stoppedBy: 'VIOLATION_STEP_NOT_DUE',
      });
      await fallsOn(id, sh('2026-10-08 09:00'), 'risk-call-due');
      clock.set(sh('2026-10-08 10:00'));
      await system.client.post(
        `/traffic-violations/${id}/risk-control-call`,
        { contactOutcome: 'reached' },
        { actor: risk },
      );
      const stored = await system.resources.store.readStream(
        streamNameOf('traffic-violation', id),
      );
      expect(stored.at(-1)?.data).toMatchObject({ deductionDay: '2026-10-12' });
    });

    it('deducts the fine from the deposit on Monday 12 October, then hands off to receivables', async () => {
      // Three days after 8 October is Sunday 11 October, no working day.
      const sunday = await runAt(id, sh('2026-10-11 12:00'));
      expect(sunday.stoppedBy).toBe('VIOLATION_STEP_NOT_DUE');
      await fallsOn(id, sh('2026-10-12 09:00'), 'deduction-due');

      clock.set(sh('2026-10-12 09:30'));
      const asked = await system.client.post<Answer>(
        `/traffic-violations/${id}/request-deduction`,
        {},
        { actor: risk },
      );
      expect(asked.ticket.holder.role).toBe('finance-manager');
      const mismatch = await system.client.send<ErrorAnswer>(
        `/traffic-violations/${id}/deposit-deducted`,
        { amountFen: 15000 },
        { actor: finance },
      );
      expect(mismatch.status).toBe(409);
      expect(mismatch.body.error.code).toBe('VIOLATION_DEDUCTION_MISMATCH');
      await system.client.post(
        `/traffic-violations/${id}/deposit-deducted`,
        { amountFen: 20000 },
        { actor: finance },
      );
      const closed = await system.client.post<Answer>(
        `/traffic-violations/${id}/hand-off-to-receivables`,
        { result: '已扣押金200元', receivableCaseId: 'AR-2026-0091' },
        { actor: risk },
      );
      expect(closed.ticket.status).toBe('CLOSED_BY_DEDUCTION');

      expect(await typesOf(id)).toEqual([
        'violation-entered',
        'sms-sent',
        'sms-sent',
        'sms-sent',
        'first-days-ended',
        'reminder-call-made',
        'unpushed-list-handed-to-online',
        'materials-emailed',
        'warning-call-due',
        'warning-call-made',
        'risk-call-due',
        'risk-control-call-made',
        'deduction-due',
        'deposit-deduction-requested',
        'deposit-frozen',
        'fine-deducted-as-penalty',
        'result-notified-to-centre',
        'handed-to-receivables',
      ]);
      const view = await eventually(async () => {
        const v = await system.client.get<{
          status: string;
          outcome: string;
          amountFen: number;
          facts: Record<string, unknown>;
        }>(`/traffic-violations/${id}`);
        expect(v.status).toBe('CLOSED_BY_DEDUCTION');
        return v;
      });
      expect(view).toMatchObject({
        outcome: 'deducted',
        amountFen: 20000,
        facts: {
          day0: '2026-09-24',
          riskCallDay: '2026-10-08',
          deductionDay: '2026-10-12',
          smsSent: 3,
        },
      });
    });
  });

  describe('a user who asks in the first three days and then handles it', () => {
    it('is e-mailed, skips the reminder, and ends handled', async () => {
      const id = await enter('2026-09-28 09:30');
      await eventually(async () =>
        expect(await typesOf(id)).toEqual(['violation-entered', 'sms-sent']),
      );
      clock.set(sh('2026-09-29 10:00'));
      await system.client.post(
        `/traffic-violations/${id}/route-caller`,
        {},
        {
          actor: phoneAgent,
        },
      );
      await system.client.post(
        `/traffic-violations/${id}/materials-emailed`,
        {
          email: 'li@example.com',
          materials: [
            'vehicle-licence-scan',
            'violation-notice',
            'confirmation-form',
          ],
        },
        { actor: online },
      );
      // The timers on the system queue fire at once for a step already
      // due by the clock, so they and this hook share the work; the log
      // shows each step once either way.
      await runAt(id, sh('2026-10-01 09:00'));
      await eventually(async () => {
        expect((await typesOf(id)).sort()).toEqual(
          [
            'violation-entered',
            'sms-sent',
            'caller-routed-to-online',
            'materials-emailed',
            'sms-sent',
            'sms-sent',
            'first-days-ended',
          ].sort(),
        );
        const view = await system.client.get<{ status: string }>(
          `/traffic-violations/${id}`,
        );
        expect(view.status).toBe('AWAITING_USER');
      });

      clock.set(sh('2026-10-03 10:00'));
      const handled = await system.client.post<Answer>(
        `/traffic-violations/${id}/handled`,
        { evidence: '交管12123显示已处理' },
        { actor: specialist },
      );
      expect(handled.ticket.status).toBe('HANDLED_BY_USER');
      const after = await runAt(id, sh('2026-10-06 09:00'));
      expect(after).toMatchObject({
        ran: [],
        stoppedBy: 'TICKET_NOT_IN_STATE',
      });
    });

    it('refuses e-mailing in the first days once day 3 has begun', async () => {
      const id = await enter('2026-09-28 09:30');
      clock.set(sh('2026-10-01 00:00'));
      const answer = await system.client.send<ErrorAnswer>(
        `/traffic-violations/${id}/materials-emailed`,
        {
          email: 'li@example.com',
          materials: [
            'vehicle-licence-scan',
            'violation-notice',
            'confirmation-form',
          ],
        },
        { actor: online },
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('VIOLATION_PUSH_WINDOW_CLOSED');
    });
  });

  describe('a severe case collected in person', () => {
    it('closes by collection after risk control’s visit', async () => {
      // Day 12 is the make-up working day, Saturday 10 October.
      const id = await enter('2026-09-28 09:30');
      await runAt(id, sh('2026-10-10 09:00'));
      await eventually(async () => {
        const types = await typesOf(id);
        expect(types.at(-1)).toBe('risk-call-due');
        expect(types).toContain('warning-call-due');
      });
      clock.set(sh('2026-10-10 10:00'));
      await system.client.post(
        `/traffic-violations/${id}/risk-control-call`,
        { contactOutcome: 'reached' },
        { actor: risk },
      );
      await system.client.post(
        `/traffic-violations/${id}/in-person-collection`,
        { reason: '多次拒接，金额较大' },
        { actor: risk },
      );
      const closed = await system.client.post<Answer>(
        `/traffic-violations/${id}/collection-result`,
        { collected: true, amountFen: 20000 },
        { actor: risk },
      );
      expect(closed.ticket.status).toBe('CLOSED_BY_COLLECTION');
    });
  });

  describe('a severe case the visit does not collect', () => {
    it('returns to the deduction, which finance makes, then hands off to receivables', async () => {
      const id = await enter('2026-09-28 09:30');
      await runAt(id, sh('2026-10-10 09:00'));
      await eventually(async () => {
        expect((await typesOf(id)).at(-1)).toBe('risk-call-due');
      });
      clock.set(sh('2026-10-10 10:00'));
      await system.client.post(
        `/traffic-violations/${id}/risk-control-call`,
        { contactOutcome: 'unreachable' },
        { actor: risk },
      );
      // Three days after Saturday 10 October is Tuesday 13 October.
      await fallsOn(id, sh('2026-10-13 09:00'), 'deduction-due');

      clock.set(sh('2026-10-13 10:00'));
      await system.client.post(
        `/traffic-violations/${id}/in-person-collection`,
        { reason: '金额较大，上门追讨' },
        { actor: risk },
      );
      clock.set(sh('2026-10-14 16:00'));
      const notCollected = await system.client.post<Answer>(
        `/traffic-violations/${id}/collection-result`,
        { collected: false, note: '用户不在家' },
        { actor: risk },
      );
      expect(notCollected.ticket).toMatchObject({
        status: 'DEDUCTION_DUE',
        holder: { role: 'risk-control-manager' },
      });

      await system.client.post(
        `/traffic-violations/${id}/request-deduction`,
        {},
        { actor: risk },
      );
      await system.client.post(
        `/traffic-violations/${id}/deposit-deducted`,
        { amountFen: 20000 },
        { actor: finance },
      );
      const closed = await system.client.post<Answer>(
        `/traffic-violations/${id}/hand-off-to-receivables`,
        { result: '上门未果，已扣押金200元', receivableCaseId: 'AR-2026-0107' },
        { actor: risk },
      );
      expect(closed.ticket.status).toBe('CLOSED_BY_DEDUCTION');
      expect((await typesOf(id)).slice(-9)).toEqual([
        'deduction-due',
        'severity-assessed',
        'in-person-collection-started',
        'collection-result-recorded',
        'deposit-deduction-requested',
        'deposit-frozen',
        'fine-deducted-as-penalty',
        'result-notified-to-centre',
        'handed-to-receivables',
      ]);
    });
  });

  describe('the reporting rows', () => {
    type ReportRow = {
      status: string;
      outcome: string | null;
      tickets: number;
      closed: number;
      amountFen: number;
    };

    it('count the cases by status and outcome, with the fines deducted or collected', async () => {
      // A case's report day is the Shanghai day the log recorded its entry
      // (the log's own clock), so the range takes in the days either side.
      const dayMs = 24 * 3600 * 1000;
      const from = shanghaiDay(new Date(Date.now() - dayMs));
      const to = shanghaiDay(new Date(Date.now() + dayMs));
      const byStatus = (rows: ReportRow[], status: string) => {
        const matching = rows.filter((row) => row.status === status);
        return {
          outcome: matching[0]?.outcome,
          tickets: matching.reduce((n, row) => n + row.tickets, 0),
          closed: matching.reduce((n, row) => n + row.closed, 0),
          amountFen: matching.reduce((n, row) => n + row.amountFen, 0),
        };
      };
      // The projection follows the log a moment behind the last command.
      await eventually(async () => {
        const { rows } = await system.client.get<{ rows: ReportRow[] }>(
          `/traffic-violations/report?from=${from}&to=${to}`,
        );
        expect(byStatus(rows, 'CLOSED_BY_DEDUCTION')).toEqual({
          outcome: 'deducted',
          tickets: 2,
          closed: 2,
          amountFen: 40000,
        });
        expect(byStatus(rows, 'CLOSED_BY_COLLECTION')).toEqual({
          outcome: 'collected',
          tickets: 1,
          closed: 1,
          amountFen: 20000,
        });
        expect(byStatus(rows, 'HANDLED_BY_USER')).toEqual({
          outcome: 'handled-by-user',
          tickets: 1,
          closed: 1,
          amountFen: 0,
        });
        const open = rows.filter((row) => row.closed === 0);
        expect(open.reduce((n, row) => n + row.tickets, 0)).toBe(2);
      });
    });
  });

  describe('the audit tool over this log', () => {
    it('verifies every violation stream and reports the skipped steps as deviations', async () => {
      await eventually(async () => {
        const run = await audit(['verify', '--json'], {
          store: system.resources.store,
        });
        expect(run.code).toBe(0);
        expect(
          (JSON.parse(run.stdout) as { processes: Record<string, unknown> })
            .processes['traffic-violation'],
        ).toMatchObject({ streams: 6 });
      });
      const conformance = await audit(['conformance', '--json'], {
        store: system.resources.store,
      });
      const report = JSON.parse(conformance.stdout) as {
        processes: { processId: string; tickets: number }[];
      };
      expect(
        report.processes.find((p) => p.processId === 'traffic-violation'),
      ).toMatchObject({ tickets: 6 });
    });
  });
});
