import { commandJobId, type DeadLetter } from '@opsdesk/messaging';
import type { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import { intakeCommand } from './faults/harness/commands';
import { planTickets } from './faults/harness/ticket-plans';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';

/**
 * A job that keeps failing ends in the dead-letter list with its error,
 * shows on the API and the queue board, and can be retried after a fix.
 * The failing job is a command whose envelope lost its actor (a bug in
 * whatever put it there), given a single attempt so it dies at once.
 */
describe('dead letters', () => {
  let system: TestSystem;
  // Headquarters' technical management: an operator of the queues.
  let operator: OpsdeskClient;
  const [broken, refused] = planTickets(2, 'dead-letters');
  let jobId: string;
  let refusedJobId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    operator = system.client.as({
      id: 'tech-wang',
      role: 'tech-manager',
      subsidiary: 'hq',
    });
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const queue = () => system.resources.queues.queue('cs-phone-agent');

  async function deadLetters(query = '') {
    const { items } = await operator.get<{ items: DeadLetter[] }>(
      `/dead-letters${query}`,
    );
    return items;
  }

  describe('a job that failed for good', () => {
    it('is listed with its queue, error and attempts', async () => {
      const { command } = intakeCommand(broken, system.resources.roster);
      jobId = commandJobId(command);
      const { actor: _lost, ...withoutActor } = command;
      await queue().add(
        command.type,
        { kind: 'command', command: withoutActor as typeof command },
        { jobId, attempts: 1, removeOnFail: false },
      );

      const [letter] = await eventually(async () => {
        const items = await deadLetters('?queue=cs-phone-agent');
        expect(items).toHaveLength(1);
        return items;
      });

      expect(letter).toMatchObject({
        queue: 'cs-phone-agent',
        jobId,
        kind: 'exhausted',
        attemptsMade: 1,
        attempts: 1,
        ticketId: broken.ticketId,
      });
      expect(letter.error).not.toBe('');
    });

    it('shows on the queue board', async () => {
      const headers = operator.headersFor();
      const page = await fetch(`${operator.baseUrl}/queues`, { headers });
      const api = await fetch(`${operator.baseUrl}/queues/api/queues`, {
        headers,
      });
      const { queues } = (await api.json()) as {
        queues: { name: string; counts: Record<string, number> }[];
      };

      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(queues.map((q) => q.name)).toEqual(
        expect.arrayContaining(['cs-phone-agent', 'maintenance']),
      );
      expect(
        queues.find((q) => q.name === 'cs-phone-agent')?.counts,
      ).toMatchObject({ failed: 1 });
    });

    it('cannot be retried, edited or added to from the board', async () => {
      const headers = {
        ...operator.headersFor(),
        'content-type': 'application/json',
      };
      const base = `${operator.baseUrl}/queues/api/queues/cs-phone-agent`;
      const answers = await Promise.all([
        fetch(`${base}/${jobId}/retry`, { method: 'PUT', headers }),
        fetch(`${base}/${jobId}/update-data`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ jobData: {} }),
        }),
        fetch(`${base}/add`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: 'x', data: {} }),
        }),
      ]);

      expect(answers.map((a) => a.status)).toEqual([405, 405, 405]);
      expect(await queue().getJobState(jobId)).toBe('failed');
      expect(await queue().getJobCounts('waiting')).toEqual({ waiting: 0 });
    });

    it('runs once retried after its data was fixed, and leaves the list', async () => {
      const job = await queue().getJob(jobId);
      const { command } = intakeCommand(broken, system.resources.roster);
      // The queue's job type is erased by BullMQ's generics here.
      await job?.updateData({ kind: 'command', command } as never);

      const answer = await operator.send(
        `/dead-letters/cs-phone-agent/${jobId}/retry`,
        {},
      );

      expect(answer).toEqual({
        status: 202,
        body: { retried: { queue: 'cs-phone-agent', jobId } },
      });
      await eventually(async () => {
        expect(await queue().getJobState(jobId)).toBe('completed');
      });
      const events = await system.resources.store.readStream(
        `station-fault-${broken.ticketId}`,
      );
      expect(events).toHaveLength(2);
      expect(await deadLetters()).toEqual([]);
    });

    it('cannot be retried twice', async () => {
      const answer = await operator.send(
        `/dead-letters/cs-phone-agent/${jobId}/retry`,
        {},
      );

      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        error: {
          code: 'NOT_A_DEAD_LETTER',
          details: { queue: 'cs-phone-agent', jobId, state: 'completed' },
        },
      });
    });
  });

  describe('a command the domain refused', () => {
    it('is left out of the list unless asked for', async () => {
      const { command } = intakeCommand(refused, system.resources.roster);
      const job = await system.resources.queues.addCommand('cs-phone-agent', {
        ...command,
        type: 'CreateFaultTask',
        payload: {},
      });
      await eventually(async () => {
        expect(await job.getState()).toBe('failed');
      });

      const all = await deadLetters('?includeRejected=true');

      expect(await deadLetters()).toEqual([]);
      expect(all).toEqual([
        expect.objectContaining({ jobId: job.id, kind: 'rejected' }),
      ]);
      refusedJobId = job.id ?? '';
    });

    it('is not retried: its caller was told no, and the ledger says so', async () => {
      const answer = await operator.send(
        `/dead-letters/cs-phone-agent/${refusedJobId}/retry`,
        {},
      );

      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        error: {
          code: 'COMMAND_WAS_REJECTED',
          details: { queue: 'cs-phone-agent', jobId: refusedJobId },
        },
      });
      expect(await queue().getJobState(refusedJobId)).toBe('failed');
    });
  });

  describe('a request that names nothing', () => {
    it('answers 404 for an unknown queue or job and 400 for a bad flag', async () => {
      const unknownQueue = await operator.fetch('/dead-letters?queue=nope');
      const unknownJob = await operator.send(
        '/dead-letters/cs-phone-agent/no-such-job/retry',
        {},
      );
      const badFlag = await operator.fetch(
        '/dead-letters?includeRejected=maybe',
      );

      expect(unknownQueue).toMatchObject({
        status: 404,
        body: { error: { code: 'UNKNOWN_QUEUE', details: { queue: 'nope' } } },
      });
      expect(unknownJob).toMatchObject({
        status: 404,
        body: {
          error: {
            code: 'DEAD_LETTER_NOT_FOUND',
            details: { queue: 'cs-phone-agent', jobId: 'no-such-job' },
          },
        },
      });
      expect(badFlag.status).toBe(400);
    });
  });

  describe('for anyone but an operator', () => {
    const board = ['/queues', '/queues/api/queues'];

    it('answers 401 without a token, on the list, the retry and the board', async () => {
      const none = { token: null };
      const answers = [
        await system.client.fetch('/dead-letters', none),
        await system.client.send(
          '/dead-letters/cs-phone-agent/x/retry',
          {},
          none,
        ),
        ...(await Promise.all(
          board.map((path) => fetch(`${system.client.baseUrl}${path}`)),
        )),
      ];

      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    });

    it.each(['cs-supervisor', 'cs-shift-leader', 'dispatch-manager'])(
      'answers 403 naming the permission to a %s, on the list, the retry and the board',
      async (role) => {
        const desk = system.client.as({ id: `${role}-01`, role });
        const headers = desk.headersFor();
        const list = await desk.fetch('/dead-letters');
        const retry = await desk.send(
          '/dead-letters/cs-phone-agent/no-such-job/retry',
          {},
        );
        const pages = await Promise.all(
          board.map(async (path) => {
            const answer = await fetch(`${desk.baseUrl}${path}`, { headers });
            return { status: answer.status, body: await answer.json() };
          }),
        );

        for (const answer of [list, retry, ...pages]) {
          expect(answer).toMatchObject({
            status: 403,
            body: {
              error: {
                code: 'ROLE_NOT_PERMITTED',
                details: { permission: 'operations:queues', roles: [role] },
              },
            },
          });
        }
      },
    );
  });
});
