import type { AcceptedOutcome, ExpectedReply } from '@opsdesk/messaging';
import { awaitOutcome, type Look } from './outcome-wait';

const outcome: AcceptedOutcome = {
  status: 'accepted',
  commandId: 'c-1',
  processId: 'station-fault',
  ticketId: 't-1',
  ticketStatus: 'RECORDED',
  custody: { role: 'cs-phone-agent' },
  revision: 0,
  events: [],
  duplicate: false,
};

/** A wait the test settles; `cancel` settles it as the listener does. */
function pendingReply() {
  let settle!: (value: AcceptedOutcome | undefined) => void;
  const state = { cancelled: false };
  const reply: ExpectedReply = {
    outcome: new Promise((resolve) => {
      settle = resolve;
    }),
    cancel: () => {
      state.cancelled = true;
      settle(undefined);
    },
  };
  return { reply, settle, state };
}

/** Looks that find each of `found` in turn, then nothing. */
function looks(...found: Look[]) {
  const made: number[] = [];
  const look = () => {
    made.push(made.length);
    return Promise.resolve(found[made.length - 1]);
  };
  return { look, made };
}

describe('waiting for a command’s outcome', () => {
  it('takes the reply that comes before the first look, and looks at nothing', async () => {
    const { reply, settle } = pendingReply();
    const { look, made } = looks(outcome);

    settle(outcome);

    await expect(awaitOutcome(reply, look, 60_000)).resolves.toBe(outcome);
    expect(made).toEqual([]);
  });

  it('takes what a later look finds when no reply comes, and stops waiting for one', async () => {
    const { reply, state } = pendingReply();
    const { look, made } = looks(undefined, undefined, outcome);

    await expect(awaitOutcome(reply, look, 1)).resolves.toBe(outcome);
    expect(made).toHaveLength(3);
    expect(state.cancelled).toBe(true);
  });

  it('gives nothing once a look finds the job failed for good', async () => {
    const { reply, state } = pendingReply();
    const { look } = looks(undefined, 'failed for good');

    await expect(awaitOutcome(reply, look, 1)).resolves.toBeUndefined();
    expect(state.cancelled).toBe(true);
  });

  it('gives nothing when the wait runs out before a look finds anything', async () => {
    const { reply, settle, state } = pendingReply();
    const { look, made } = looks();
    const waiting = awaitOutcome(reply, look, 1);

    await new Promise((resolve) => setTimeout(resolve, 20));
    settle(undefined);

    await expect(waiting).resolves.toBeUndefined();
    expect(made.length).toBeGreaterThan(0);
    expect(state.cancelled).toBe(false);
  });

  it('stops waiting when a look fails, and passes the failure on', async () => {
    const { reply, state } = pendingReply();
    const look = () => Promise.reject(new Error('ledger unreachable'));

    await expect(awaitOutcome(reply, look, 1)).rejects.toThrow(
      'ledger unreachable',
    );
    expect(state.cancelled).toBe(true);
  });
});
