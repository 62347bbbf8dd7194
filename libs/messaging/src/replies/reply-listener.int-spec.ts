import { createLogger, createRedis } from '@opsdesk/platform';
import type { Redis } from 'ioredis';
import {
  TEST_REDIS_URL,
  testQueuePrefix,
} from '../../../../test/support/redis';
import type {
  AcceptedOutcome,
  RejectedOutcome,
} from '../commands/command-outcome';
import { replyChannelFor, sendReply } from './command-reply';
import { ReplyListener } from './reply-listener';

const TICKET = '0190a5b8-1c2d-7e3f-8a4b-5c6d7e8f9a0b';

function accepted(commandId: string): AcceptedOutcome {
  return {
    status: 'accepted',
    commandId,
    processId: 'station-fault',
    ticketId: TICKET,
    ticketStatus: 'REPORTED',
    custody: { role: 'dispatch-manager' },
    revision: 1,
    events: [{ eventId: `${commandId}-0`, type: 'reported', revision: 1 }],
    duplicate: false,
  };
}

function rejected(commandId: string): RejectedOutcome {
  return {
    status: 'rejected',
    commandId,
    processId: 'station-fault',
    ticketId: TICKET,
    httpStatus: 409,
    error: { code: 'WRONG_STATE', message: 'closed', details: {} },
  };
}

let publisher: Redis;
let listener: ReplyListener;
let warnings: string[];

beforeEach(async () => {
  warnings = [];
  const logger = createLogger('replies-test', 'warn', {
    write: (line: string) => warnings.push(line),
  });
  publisher = createRedis(TEST_REDIS_URL);
  listener = new ReplyListener(
    createRedis(TEST_REDIS_URL),
    replyChannelFor(testQueuePrefix('replies'), 'gateway-1'),
    logger,
  );
  await listener.start();
});

afterEach(async () => {
  await listener.close();
  await publisher.quit();
});

describe('a gateway waiting for its commands', () => {
  it('gets the outcome a worker sends for the command it expects', async () => {
    const reply = listener.expect('c-1', 60_000);

    await sendReply(publisher, listener.channel, rejected('c-1'));

    await expect(reply.outcome).resolves.toEqual(rejected('c-1'));
    expect(listener.awaited).toBe(0);
  });

  it('hears only its own commands, and gets nothing once the wait runs out', async () => {
    const reply = listener.expect('c-1', 200);

    await sendReply(publisher, listener.channel, accepted('c-2'));

    await expect(reply.outcome).resolves.toBeUndefined();
    expect(listener.awaited).toBe(0);
  });

  it('hears nothing sent to another gateway', async () => {
    const reply = listener.expect('c-1', 200);
    const other = replyChannelFor(testQueuePrefix('replies'), 'gateway-2');

    await sendReply(publisher, other, accepted('c-1'));

    await expect(reply.outcome).resolves.toBeUndefined();
  });

  it('answers every request waiting on one command (a repeat of it)', async () => {
    const first = listener.expect('c-1', 60_000);
    const repeat = listener.expect('c-1', 60_000);

    await sendReply(publisher, listener.channel, accepted('c-1'));

    await expect(first.outcome).resolves.toEqual(accepted('c-1'));
    await expect(repeat.outcome).resolves.toEqual(accepted('c-1'));
  });

  it('forgets a wait that was cancelled, leaving the others', async () => {
    const cancelled = listener.expect('c-1', 60_000);
    const kept = listener.expect('c-2', 60_000);

    cancelled.cancel();
    await sendReply(publisher, listener.channel, accepted('c-2'));

    await expect(cancelled.outcome).resolves.toBeUndefined();
    await expect(kept.outcome).resolves.toEqual(accepted('c-2'));
    expect(listener.awaited).toBe(0);
  });

  it('logs a message that is not a reply and still hears the next one', async () => {
    const reply = listener.expect('c-1', 60_000);

    await publisher.publish(listener.channel, '{"status":"done"}');
    await publisher.publish(listener.channel, 'not json');
    await sendReply(publisher, listener.channel, accepted('c-1'));

    await expect(reply.outcome).resolves.toEqual(accepted('c-1'));
    expect(warnings).toHaveLength(2);
    expect(JSON.parse(warnings[0])).toMatchObject({
      channel: listener.channel,
      msg: 'ignored a message that is not a command reply',
    });
  });

  it('ends every wait when it closes', async () => {
    const reply = listener.expect('c-1', 60_000);

    await listener.close();
    listener = new ReplyListener(
      createRedis(TEST_REDIS_URL),
      'unused',
      createLogger('replies-test', 'silent'),
    );

    await expect(reply.outcome).resolves.toBeUndefined();
  });
});
