import type { CommandOutcome, ExpectedReply } from '@opsdesk/messaging';

/** What a look at the ledger and the command's job found. */
export type Look = CommandOutcome | 'failed for good' | undefined;

/** Looks grow twice as far apart each time, up to this. */
const LOOK_MAX_MS = 2_000;

/**
 * The command's outcome: its reply, or what a look finds first. Replies
 * answer nearly every command; the looks answer the few whose reply never
 * comes: a repeat whose job is another gateway's (the reply goes there)
 * or over already, a job that failed for good, a reply lost on the way.
 * The first look is `firstLookMs` after the start, each next one twice as
 * late. Undefined when the job failed for good without an outcome or the
 * reply's wait ran out. A look that fails ends the wait with its error.
 */
export async function awaitOutcome(
  reply: ExpectedReply,
  look: () => Promise<Look>,
  firstLookMs: number,
): Promise<CommandOutcome | undefined> {
  for (let pause = Math.max(1, firstLookMs); ; pause *= 2) {
    const replied = await settledWithin(
      reply.outcome,
      Math.min(pause, LOOK_MAX_MS),
    );
    if (replied.settled) return replied.value;
    const seen = await look().catch((error: unknown) => {
      reply.cancel();
      throw error;
    });
    if (seen === undefined) continue;
    reply.cancel();
    return seen === 'failed for good' ? undefined : seen;
  }
}

async function settledWithin<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ settled: true; value: T } | { settled: false }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ settled: false }>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([
      promise.then((value) => ({ settled: true as const, value })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
