import { createRedis } from '@opsdesk/platform';
import { replyChannelFor, type CommandOutcome } from '@opsdesk/messaging';
import type { Redis } from 'ioredis';
import { pickStation } from '../apps/api/src/demo/scenarios';
import { intakeCommand } from './faults/harness/commands';
import { planTickets } from './faults/harness/ticket-plans';
import { eventually } from './support/eventually';
import { TEST_REDIS_URL } from './support/redis';
import { startTestSystem, type TestSystem } from './support/system';

type Answer = {
  commandId: string;
  ticket: { id: string; status: string };
  error?: { code: string };
};

const agent = { id: 'agent-0107', role: 'cs-phone-agent' };
const dispatcher = { id: 'dispatch-desk', role: 'dispatch-manager' };

/**
 * The API hears its commands' outcomes as replies from the workers. The
 * wait, and the API's own first look at the ledger, are set far beyond
 * the test's time limit: an answer that did not come from the reply
 * would fail these tests.
 */
describe('commands answered by the worker’s reply', () => {
  let system: TestSystem;
  let stationId: string;
  let listener: Redis;
  const heard: { channel: string; outcome: CommandOutcome }[] = [];

  beforeAll(async () => {
    system = await startTestSystem({
      COMMAND_WAIT_MS: '600000',
      COMMAND_LOOK_MS: '600000',
    });
    stationId = (await pickStation(system.client, false)).id;
    listener = createRedis(TEST_REDIS_URL);
    listener.on('pmessage', (_pattern: string, channel: string, text: string) =>
      heard.push({ channel, outcome: JSON.parse(text) as CommandOutcome }),
    );
    const prefix = system.resources.config.queuePrefix;
    await listener.psubscribe(replyChannelFor(prefix, '*'));
  });

  afterAll(async () => {
    await listener?.quit();
    await system?.stop();
  });

  function intake() {
    return {
      reporter: { type: 'user', phone: '13900001111' },
      stationId,
      faultDescription: '道闸无法抬杆',
      suspectedChargingPile: false,
    };
  }

  const repliesTo = (commandId: string) =>
    heard.filter((h) => h.outcome.commandId === commandId);

  /** The one reply to a command, once this test's subscriber has it too. */
  const replyTo = (commandId: string) =>
    eventually(async () => {
      const replies = repliesTo(commandId);
      expect(replies).toHaveLength(1);
      return replies[0];
    });

  it('answers an intake from the worker’s reply', async () => {
    const answer = await system.client.send<Answer>(
      '/station-faults',
      intake(),
      { actor: agent },
    );

    expect(answer.status).toBe(201);
    const reply = await replyTo(answer.body.commandId);
    expect(reply.outcome).toMatchObject({
      status: 'accepted',
      ticketId: answer.body.ticket.id,
      ticketStatus: answer.body.ticket.status,
    });
    expect(reply.outcome).toEqual(
      await system.resources.ledger.find(answer.body.commandId),
    );
  });

  it('answers a rejected command from its reply, with the rejection', async () => {
    const created = await system.client.post<Answer>(
      '/station-faults',
      intake(),
      { actor: agent },
    );

    const answer = await system.client.send<Answer>(
      `/station-faults/${created.ticket.id}/escalate`,
      {},
      { actor: dispatcher },
    );

    expect(answer.status).toBe(409);
    const replies = await eventually(async () => {
      const rejected = heard.filter(
        (h) =>
          h.outcome.ticketId === created.ticket.id &&
          h.outcome.status === 'rejected',
      );
      expect(rejected).toHaveLength(1);
      return rejected;
    });
    expect(replies[0].outcome).toMatchObject({
      httpStatus: 409,
      error: { code: answer.body.error?.code },
    });
  });

  it('sends no reply for a command nobody waits on', async () => {
    const [plan] = planTickets(1, 'command-replies');
    const { command } = intakeCommand(plan, system.resources.roster);
    await system.resources.queues.addCommand('cs-phone-agent', command);
    await eventually(async () => {
      expect(
        await system.resources.ledger.find(command.commandId),
      ).toMatchObject({ status: 'accepted' });
    });

    // One connection sends every reply of the workers, in order: once a
    // later command's reply is heard, an earlier one would have been.
    const later = await system.client.send<Answer>(
      '/station-faults',
      intake(),
      { actor: agent },
    );

    await replyTo(later.body.commandId);
    expect(repliesTo(command.commandId)).toEqual([]);
  });
});
