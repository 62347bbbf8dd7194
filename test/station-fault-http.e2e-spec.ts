import { randomUUID } from 'node:crypto';
import {
  reportAndCreateTask,
  pickStation,
} from '../apps/api/src/demo/scenarios';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';
import { eventTypesOf } from './support/ticket-history';

type ErrorAnswer = {
  error: { code: string; message: string; details: Record<string, unknown> };
};
type TicketAnswer = {
  commandId: string;
  ticket: { id: string; number: string; status: string; revision: number };
};

const agent = { id: 'agent-0107', role: 'cs-phone-agent' };

describe('the station-fault HTTP API', () => {
  let system: TestSystem;
  let stationId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    stationId = (await pickStation(system.client, false)).id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  function intake(overrides: Record<string, unknown> = {}) {
    return {
      reporter: { type: 'user', phone: '13900001111' },
      stationId,
      faultDescription: '道闸无法抬杆',
      suspectedChargingPile: false,
      ...overrides,
    };
  }

  // Counted per ticket, or as a number of tickets: automatic steps of
  // other tests' tickets may append at any moment.
  async function ticketCount(): Promise<number> {
    const { rows } = await system.schema.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM streams',
    );
    return Number(rows[0].n);
  }

  async function eventCountOf(ticketId: string): Promise<number> {
    return (await eventTypesOf(system.resources.store, ticketId)).length;
  }

  describe('an intake with an Idempotency-Key sent twice', () => {
    it('appends the events once and gives the same answer both times', async () => {
      const key = `intake-${randomUUID()}`;
      const first = await system.client.send<TicketAnswer>(
        '/station-faults',
        intake(),
        {
          actor: agent,
          idempotencyKey: key,
        },
      );
      const second = await system.client.send<TicketAnswer>(
        '/station-faults',
        intake(),
        {
          actor: agent,
          idempotencyKey: key,
        },
      );

      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(
        await eventTypesOf(system.resources.store, first.body.ticket.id),
      ).toEqual(['call-received', 'fault-recorded']);
    });

    it('refuses the same key for a different request with 409', async () => {
      const key = `intake-${randomUUID()}`;
      await system.client.post('/station-faults', intake(), {
        actor: agent,
        idempotencyKey: key,
      });
      const before = await ticketCount();

      const reused = await system.client.send<ErrorAnswer>(
        '/station-faults',
        intake({ faultDescription: '另一个故障' }),
        { actor: agent, idempotencyKey: key },
      );

      expect(reused.status).toBe(409);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await ticketCount()).toBe(before);
    });
  });

  describe('the jobs the gateway enqueues', () => {
    async function commandJob(commandId: string) {
      const job = await system.resources.queues
        .queue('cs-phone-agent')
        .getJob(`command.${commandId}`);
      return job?.data.kind === 'command' ? job.data.command : undefined;
    }

    it('say an intake opens its ticket, and an action on it does not', async () => {
      const created = await system.client.post<TicketAnswer>(
        '/station-faults',
        intake(),
        { actor: agent },
      );
      const task = await system.client.post<TicketAnswer>(
        `/station-faults/${created.ticket.id}/create-task`,
        {},
        { actor: agent },
      );

      expect(await commandJob(created.commandId)).toMatchObject({
        ticketId: created.ticket.id,
        opensTicket: true,
      });
      const action = await commandJob(task.commandId);
      expect(action).toMatchObject({ ticketId: created.ticket.id });
      expect(action?.opensTicket).toBeUndefined();
    });
  });

  describe('an action command sent twice with one key', () => {
    it('yields one event and the same answer', async () => {
      const created = await system.client.post<TicketAnswer>(
        '/station-faults',
        intake(),
        {
          actor: agent,
        },
      );
      const id = created.ticket.id;
      const key = `task-${randomUUID()}`;

      const first = await system.client.send<TicketAnswer>(
        `/station-faults/${id}/create-task`,
        {},
        { actor: agent, idempotencyKey: key },
      );
      const second = await system.client.send<TicketAnswer>(
        `/station-faults/${id}/create-task`,
        {},
        { actor: agent, idempotencyKey: key },
      );

      expect(first.status).toBe(200);
      expect(second.body).toEqual(first.body);
      const types = await eventTypesOf(system.resources.store, id);
      expect(types.filter((t) => t === 'task-created')).toHaveLength(1);
    });
  });

  describe('invalid input', () => {
    it('answers 400 naming every failing field, nested ones included, and appends nothing', async () => {
      const before = await ticketCount();

      const answer = await system.client.send<ErrorAnswer>(
        '/station-faults',
        {
          reporter: { type: 'visitor', phone: 'call me' },
          stationId: 'nowhere',
          suspectedChargingPile: 'yes',
          extra: 1,
        },
        { actor: agent },
      );

      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_REQUEST');
      const fields = (
        answer.body.error.details.fields as { field: string }[]
      ).map((f) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'reporter.type',
          'reporter.phone',
          'stationId',
          'faultDescription',
          'suspectedChargingPile',
          'extra',
        ]),
      );
      expect(await ticketCount()).toBe(before);
    });

    it('answers 400 for malformed JSON without a stack trace', async () => {
      const response = await fetch(`${system.client.baseUrl}/station-faults`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...system.client.headersFor(),
        },
        body: '{"reporter": ',
      });
      const text = await response.text();

      expect(response.status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({
        error: { code: 'INVALID_REQUEST' },
      });
      expect(text).not.toMatch(/at .*\.js|node_modules|SyntaxError/);
    });

    it('answers 400 for a ticket id that is not a UUID', async () => {
      const answer = await system.client.send<ErrorAnswer>(
        '/station-faults/42/create-task',
        {},
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.fields).toEqual([
        expect.objectContaining({ field: 'path.ticketId' }),
      ]);
    });
  });

  describe('unknown things', () => {
    it('answers 404 for an unknown station, appending nothing', async () => {
      const before = await ticketCount();
      const answer = await system.client.send<ErrorAnswer>(
        '/station-faults',
        intake({ stationId: 'ST-310115-999' }),
        { actor: agent },
      );
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({
        code: 'STATION_NOT_FOUND',
        details: { stationId: 'ST-310115-999' },
      });
      expect(await ticketCount()).toBe(before);
    });

    it('answers 404 for an action on an unknown ticket, appending nothing', async () => {
      const ticketId = randomUUID();
      const answer = await system.client.send<ErrorAnswer>(
        `/station-faults/${ticketId}/create-task`,
        {},
        { actor: agent },
      );
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({
        code: 'TICKET_NOT_FOUND',
        details: { ticketId },
      });
      expect(await eventCountOf(ticketId)).toBe(0);
    });

    it('answers 404 for the view of an unknown ticket', async () => {
      const response = await fetch(
        `${system.client.baseUrl}/station-faults/${randomUUID()}`,
        { headers: system.client.headersFor() },
      );
      expect(response.status).toBe(404);
    });

    it('answers 400 naming a query parameter a list does not take', async () => {
      const answers = await Promise.all(
        [
          '/station-faults?stauts=CLOSED',
          '/inbox/dispatch-manager?assignee=someone',
          '/fee-waivers?foo=bar&limit=5',
          '/invoices/report?from=2026-12-01&to=2026-12-06&region=x',
        ].map((path) => system.client.fetch(path)),
      );

      expect(answers.map((answer) => answer.status)).toEqual([
        400, 400, 400, 400,
      ]);
      expect(
        answers.map(
          (answer) =>
            (
              answer.body as {
                error: { details: { fields: { field: string }[] } };
              }
            ).error.details.fields[0].field,
        ),
      ).toEqual([
        'query.stauts',
        'query.assignee',
        'query.foo',
        'query.region',
      ]);
      // The parameters a list does take still work.
      expect(
        (await system.client.fetch('/station-faults?status=CLOSED&limit=5'))
          .status,
      ).toBe(200);
    });
  });

  describe('an action in the wrong state', () => {
    it('answers 409 with the state and appends nothing', async () => {
      const created = await system.client.post<TicketAnswer>(
        '/station-faults',
        intake(),
        {
          actor: agent,
        },
      );
      const id = created.ticket.id;
      const before = await eventCountOf(id);

      const answer = await system.client.send<ErrorAnswer>(
        `/station-faults/${id}/escalate`,
        {},
        { actor: { id: 'dispatch-desk', role: 'dispatch-manager' } },
      );

      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({
        code: 'TICKET_NOT_IN_STATE',
        details: { ticketId: id, state: 'RECORDED' },
      });
      expect(await eventCountOf(id)).toBe(before);
    });
  });

  describe('a role that may not act', () => {
    it('answers 403 for another role’s action and appends nothing', async () => {
      const created = await system.client.post<TicketAnswer>(
        '/station-faults',
        intake(),
        {
          actor: agent,
        },
      );
      const before = await eventCountOf(created.ticket.id);

      const answer = await system.client.send<ErrorAnswer>(
        `/station-faults/${created.ticket.id}/create-task`,
        {},
        { actor: { id: 'insp-central-01', role: 'regional-inspector' } },
      );

      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({
        code: 'ROLE_NOT_PERMITTED',
        details: { role: 'regional-inspector' },
      });
      expect(await eventCountOf(created.ticket.id)).toBe(before);
    });

    it('answers 403 when an inspector other than the assignee reports', async () => {
      const station = await pickStation(system.client, false, 3);
      const ticket = await reportAndCreateTask(
        system.client,
        intake({ stationId: station.id }),
      );
      const answer = await system.client.send<ErrorAnswer>(
        `/station-faults/${ticket.ticketId}/start-inspection`,
        {},
        { actor: { id: 'someone-else', role: 'regional-inspector' } },
      );
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('NOT_ASSIGNEE');
    });
  });

  describe('queries and operations endpoints', () => {
    it('lists a role’s inbox in Chinese labels', async () => {
      const created = await system.client.post<TicketAnswer>(
        '/station-faults',
        intake(),
        {
          actor: agent,
        },
      );
      const inbox = await eventually(async () => {
        const answer = await system.client.get<{
          items: { ticketId: string }[];
        }>('/inbox/cs-phone-agent?limit=200');
        expect(answer.items.map((i) => i.ticketId)).toContain(
          created.ticket.id,
        );
        return answer;
      });
      expect(
        inbox.items.find((i) => i.ticketId === created.ticket.id),
      ).toMatchObject({
        role: 'cs-phone-agent',
        roleZh: '客服中心电话坐席',
        status: 'RECORDED',
        statusZh: '已记录',
      });
    });

    it('reports readiness of Redis and PostgreSQL on /health', async () => {
      const health = await system.client.get('/health');
      expect(health).toMatchObject({
        status: 'ready',
        checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('serves the OpenAPI document with every station-fault action', async () => {
      const document = await system.client.get<{
        paths: Record<string, unknown>;
      }>('/docs/json');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/station-faults',
          '/station-faults/{ticketId}/dispatch',
          '/station-faults/{ticketId}/inform-reporter',
          '/inbox/{role}',
          '/health',
        ]),
      );
    });

    it('describes the reporter erasure as before it had a controller of its own', async () => {
      const document = await system.client.get<{
        paths: Record<
          string,
          Record<
            string,
            { operationId: string; parameters: { name: string; in: string }[] }
          >
        >;
      }>('/docs/json');
      const erase = document.paths['/station-faults/{ticketId}/erase-reporter'];
      expect(erase.post.operationId).toBe(
        'StationFaultsController_eraseReporter',
      );
      expect(erase.post.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'X-Act-As', in: 'header' }),
          expect.objectContaining({ name: 'ticketId', in: 'path' }),
        ]),
      );
    });
  });
});

describe('the API when no worker answers in time', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem(
      { COMMAND_WAIT_MS: '300' },
      { workers: false },
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answers 202 with a status link that reports the command as pending', async () => {
    const stationId = (await pickStation(system.client, false)).id;
    const answer = await system.client.send<{
      commandId: string;
      links: { command: string };
    }>(
      '/station-faults',
      {
        reporter: { type: 'user', phone: '13900001111' },
        stationId,
        faultDescription: '道闸无法抬杆',
        suspectedChargingPile: false,
      },
      { actor: agent },
    );

    expect(answer.status).toBe(202);
    const status = await system.client.get(answer.body.links.command);
    expect(status).toEqual({
      commandId: answer.body.commandId,
      status: 'pending',
    });
  });
});
