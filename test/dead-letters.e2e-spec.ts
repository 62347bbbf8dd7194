import { commandJobId, type DeadLetter } from '@opsdesk/messaging';
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
  const [broken, refused] = planTickets(2, 'dead-letters');
  let jobId: string;

  beforeAll(async () => {
    system = await startTestSystem();
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const queue = () => system.resources.queues.queue('cs-phone-agent');

  async function deadLetters(query = '') {
    const { items } = await system.client.get<{ items: DeadLetter[] }>(
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
      const headers = system.client.headersFor();
      const page = await fetch(`${system.client.baseUrl}/queues`, { headers });
      const api = await fetch(`${system.client.baseUrl}/queues/api/queues`, {
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

    it('runs once retried after its data was fixed, and leaves the list', async () => {
      const job = await queue().getJob(jobId);
      const { command } = intakeCommand(broken, system.resources.roster);
      // The queue's job type is erased by BullMQ's generics here.
      await job?.updateData({ kind: 'command', command } as never);

      const answer = await system.client.send(
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
      const answer = await system.client.send(
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
    });
  });

  describe('a request that names nothing', () => {
    it('answers 404 for an unknown queue or job and 400 for a bad flag', async () => {
      const unknownQueue = await system.client.fetch(
        '/dead-letters?queue=nope',
      );
      const unknownJob = await system.client.send(
        '/dead-letters/cs-phone-agent/no-such-job/retry',
        {},
      );
      const badFlag = await system.client.fetch(
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
});
