import { SteppableClock } from '@opsdesk/platform';
import {
  callbackOf,
  clearedFaultAwaitingCallback,
  resultCallBack,
} from '../apps/api/src/demo/scenarios';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';
import { eventTypesOf, handoffsOf } from './support/ticket-history';

type ErrorAnswer = {
  error: { code: string; details: Record<string, unknown> };
};
type CallbackAnswer = {
  ticket: { id: string; status: string; holder: { role: string | null } };
};

const sh = (local: string) =>
  new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const agent = { id: 'agent-0107', role: 'cs-phone-agent' };
const leader = { id: 'leader-liu', role: 'cs-shift-leader' };

/**
 * The phone call-back process (电话回访流程) on the engine, through HTTP,
 * queues, workers and the log, on a clock the test moves: a station
 * fault's result opens a call-back; its end closes the station fault.
 */
jest.setTimeout(60_000);

describe('phone call-backs, end to end', () => {
  const clock = new SteppableClock(sh('2025-10-20 09:00'));
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({}, { clock });
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function faultAwaitingCallback(offset: number) {
    return clearedFaultAwaitingCallback(
      system.client,
      { callTime: new Date(clock.now().getTime() - 60_000).toISOString() },
      offset,
    );
  }

  function attempt(callbackId: string, outcome: string) {
    return system.client.send<CallbackAnswer & ErrorAnswer>(
      `/phone-callbacks/${callbackId}/attempts`,
      { outcome },
      { actor: agent },
    );
  }

  async function stationFault(ticketId: string) {
    return system.client.get<{
      status: string;
      state: Record<string, unknown>;
    }>(`/station-faults/${ticketId}`);
  }

  async function closedStationFault(ticketId: string) {
    return eventually(async () => {
      const ticket = await stationFault(ticketId);
      expect(ticket.status).toBe('CLOSED');
      return ticket;
    });
  }

  /**
   * The rows of the log, counted in the table: the store's global read
   * shows only events below the oldest transaction open on the server,
   * which another database's long transaction can hold back.
   */
  async function eventRows(): Promise<number> {
    const { rows } = await system.schema.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events',
    );
    return rows[0].n;
  }

  describe('a reporter who does not answer three times', () => {
    it('is called at most three times, 30 minutes apart, then goes to the shift leader and the station fault closes', async () => {
      clock.set(sh('2025-10-20 09:00'));
      const { ticketId, callback } = await faultAwaitingCallback(3);
      expect(callback).toMatchObject({
        status: 'OPEN',
        holderRole: 'cs-phone-agent',
      });
      const id = callback.ticketId;
      expect(callback.ticketNumber).toMatch(/^CB-\d{8}-\d{4}$/);

      await system.client.post(
        `/phone-callbacks/${id}/prepare`,
        {},
        { actor: agent },
      );
      clock.set(sh('2025-10-20 09:10'));
      expect((await attempt(id, 'no-answer')).status).toBe(200);

      clock.set(sh('2025-10-20 09:35'));
      const tooSoon = await attempt(id, 'no-answer');
      expect(tooSoon.status).toBe(409);
      expect(tooSoon.body.error).toMatchObject({
        code: 'CALLBACK_ATTEMPT_TOO_SOON',
        details: {
          lastAttemptAt: sh('2025-10-20 09:10'),
          earliestAllowedAt: sh('2025-10-20 09:40'),
        },
      });

      clock.set(sh('2025-10-20 09:40'));
      expect((await attempt(id, 'no-answer')).status).toBe(200);
      clock.set(sh('2025-10-20 14:00'));
      const third = await attempt(id, 'no-answer');
      expect(third.body.ticket).toMatchObject({
        status: 'UNREACHED_REPORTED',
        holder: { role: 'cs-shift-leader' },
      });
      await eventually(async () => {
        expect(await handoffsOf(system.schema.pool, id)).toEqual([
          'cs-phone-agent',
          'cs-shift-leader',
        ]);
      });

      clock.set(sh('2025-10-20 15:00'));
      const fourth = await attempt(id, 'no-answer');
      expect(fourth.status).toBe(409);
      expect(fourth.body.error).toMatchObject({
        code: 'CALLBACK_ATTEMPTS_EXHAUSTED',
        details: { attempts: 3, maxAttempts: 3, day: '2025-10-20' },
      });

      const closed = await closedStationFault(ticketId);
      expect(closed.state).toMatchObject({ contactOutcome: 'unreachable' });
      const types = await eventTypesOf(system.resources.store, ticketId);
      expect(types.slice(-2)).toEqual(['reporter-informed', 'ticket-closed']);

      const leaderInbox = await eventually(async () => {
        const inbox = await system.client.get<{
          items: { ticketId: string }[];
        }>('/phone-callbacks/inbox/cs-shift-leader', { actor: leader });
        expect(inbox.items.map((i) => i.ticketId)).toContain(id);
        return inbox;
      });
      expect(leaderInbox.items.length).toBeGreaterThan(0);
      const done = await system.client.send<CallbackAnswer>(
        `/phone-callbacks/${id}/close-unreached`,
        { note: '已短信告知处理结果' },
        { actor: leader },
      );
      expect(done.body.ticket.status).toBe('CLOSED_UNREACHED');

      const timeline = await eventually(async () => {
        const answer = await system.client.get<{
          entries: { labelZh: string }[];
        }>(`/phone-callbacks/${id}/timeline`);
        expect(answer.entries.map((e) => e.labelZh)).toContain(
          '值班长处理未回访用户',
        );
        return answer.entries;
      });
      expect(
        timeline.map((e) => e.labelZh).filter((l) => l === '外呼回访'),
      ).toHaveLength(3);
    });
  });

  describe('a reporter who answers and is satisfied (demo scenario d)', () => {
    it('closes the call-back and then the station fault', async () => {
      clock.set(sh('2025-10-21 10:00'));
      const result = await resultCallBack(system.client, {
        callTime: new Date(clock.now().getTime() - 60_000).toISOString(),
      });
      const closed = await stationFault(result.ticketId);
      expect(closed.state).toMatchObject({
        contactOutcome: 'reached',
        status: 'CLOSED',
      });
      const callback = await system.client.get<{
        status: string;
        outcome: string;
      }>(`/phone-callbacks/${result.callbackId}`);
      expect(callback).toMatchObject({
        status: 'CLOSED_SATISFIED',
        outcome: 'satisfied',
      });
    });
  });

  describe('a reporter still dissatisfied after the shift leader calls again', () => {
    it('is handed to complaints, and that ends the station fault too', async () => {
      clock.set(sh('2025-10-22 10:00'));
      const { ticketId, callback } = await faultAwaitingCallback(5);
      const path = `/phone-callbacks/${callback.ticketId}`;
      await system.client.post(`${path}/prepare`, {}, { actor: agent });
      await attempt(callback.ticketId, 'answered');
      const escalated = await system.client.send<CallbackAnswer>(
        `${path}/conclude`,
        { userSatisfied: false, doubts: '用户认为地锁仍会卡住' },
        { actor: agent },
      );
      expect(escalated.body.ticket.holder.role).toBe('cs-shift-leader');

      const byAgent = await system.client.send<ErrorAnswer>(
        `${path}/second-call`,
        { userSatisfied: true },
        { actor: agent },
      );
      expect(byAgent.status).toBe(403);
      await system.client.post(
        `${path}/second-call`,
        { userSatisfied: false, note: '用户坚持投诉' },
        { actor: leader },
      );
      const handed = await system.client.send<CallbackAnswer>(
        `${path}/complaint`,
        { note: '转客服投诉处理流程' },
        { actor: leader },
      );
      expect(handed.body.ticket.status).toBe('HANDED_TO_COMPLAINT');
      const closed = await closedStationFault(ticketId);
      expect(closed.state).toMatchObject({ contactOutcome: 'reached' });
    });
  });

  describe('an agent who reaches the reporter at once', () => {
    it('closes the station fault directly, and the call-back ends as not needed', async () => {
      clock.set(sh('2025-10-23 10:00'));
      const { ticketId, callback } = await faultAwaitingCallback(9);
      await system.client.post(
        `/station-faults/${ticketId}/inform-reporter`,
        { contactOutcome: 'reached', note: '来电时当场告知' },
        { actor: agent },
      );
      await closedStationFault(ticketId);
      await eventually(async () => {
        const view = await system.client.get<{ status: string }>(
          `/phone-callbacks/${callback.ticketId}`,
        );
        expect(view.status).toBe('NOT_NEEDED');
      });
      expect(await callbackOf(system.client, ticketId)).toMatchObject({
        outcome: 'not-needed',
      });
    });
  });

  describe('the deadline policy of the installation', () => {
    it('was published as version 1 on first start, in force from then', async () => {
      const policy = await system.client.get<{
        versionInForce: number;
        versions: { version: number; effectiveFrom: string }[];
      }>('/deadline-policies/default');
      expect(policy.versionInForce).toBe(1);
      expect(policy.versions.map((v) => v.version)).toEqual([1]);
    });

    it('answers a what-if over the days of these tests without writing', async () => {
      const before = await eventRows();
      const answer = await system.client.send<{
        tickets: number;
        proposed: { breaches: number };
        recorded: { breaches: number };
      }>('/deadline-policies/default/what-if', {
        from: sh('2025-10-20 00:00'),
        to: sh('2025-10-24 00:00'),
        version: 1,
      });
      expect(answer.status).toBe(201);
      expect(answer.body.tickets).toBeGreaterThanOrEqual(8);
      expect(await eventRows()).toBe(before);
    });

    it('takes a new version from the supervisor, in force only from its effective time', async () => {
      clock.set(sh('2025-10-24 09:00'));
      const supervisor = { id: 'supervisor-he', role: 'cs-supervisor' };
      const draft = {
        workingHours: [{ from: '09:00', to: '18:00' }],
        rules: [
          {
            processId: 'station-fault',
            step: 'AWAITING_DISPATCH',
            clock: 'working',
            deadlineMinutes: 30,
            warnAfterMinutes: [20],
            onBreach: [{ type: 'escalate', role: 'cs-supervisor' }],
          },
        ],
      };
      const byAgent = await system.client.send<ErrorAnswer>(
        '/deadline-policies/default/versions',
        draft,
        { actor: agent },
      );
      expect(byAgent.status).toBe(403);
      const published = await system.client.send(
        '/deadline-policies/default/versions',
        { ...draft, effectiveFrom: sh('2025-10-27 00:00') },
        { actor: supervisor },
      );
      expect(published.status).toBe(201);

      const policy = await system.client.get<{
        versionInForce: number;
        versions: { version: number }[];
      }>('/deadline-policies/default');
      expect(policy.versions.map((v) => v.version)).toEqual([1, 2]);
      expect(policy.versionInForce).toBe(1);
    });

    it('refuses a proposal with a mistake, naming the field', async () => {
      const answer = await system.client.send<ErrorAnswer>(
        '/deadline-policies/default/what-if',
        {
          from: sh('2025-10-20 00:00'),
          to: sh('2025-10-24 00:00'),
          policy: { workingHours: [], rules: [] },
        },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.fields).toEqual([
        {
          field: 'policy.workingHours',
          problems: ['must list at least one working period'],
        },
      ]);
    });
  });
});
