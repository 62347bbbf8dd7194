import { LogFields, type Logger } from '@opsdesk/platform';
import type { CommandOutcome } from '../commands/command-outcome';
import type { CommandEnvelope } from '../queues/jobs';

/**
 * The Redis channel one gateway hears the outcomes of its own commands
 * on. Classic pub/sub channels are not hash-slotted, so the name needs
 * no hash tag on a cluster.
 */
export function replyChannelFor(basePrefix: string, gatewayId: string): string {
  return `${basePrefix}:command-replies:${gatewayId}`;
}

/** What a worker publishes with (an ioredis client or cluster). */
export interface ReplyPublisher {
  publish(channel: string, message: string): Promise<number>;
}

/**
 * Tells the gateway waiting on `channel` what its command did. A reply
 * nobody hears (the gateway gave up or went away) costs nothing: the
 * ledger holds the same outcome for the status link.
 */
export async function sendReply(
  publisher: ReplyPublisher,
  channel: string,
  outcome: CommandOutcome,
): Promise<void> {
  await publisher.publish(channel, JSON.stringify(outcome));
}

/**
 * Tells the gateway waiting on the command (its `replyTo`), if any; for
 * after the ledger holds the outcome. The job does not wait for it, and a
 * reply that cannot be sent fails nothing: the gateway looks at the ledger.
 */
export function replyIfAwaited(
  publisher: ReplyPublisher,
  command: CommandEnvelope,
  outcome: CommandOutcome,
  log: Logger,
): void {
  if (!command.replyTo) return;
  sendReply(publisher, command.replyTo, outcome).catch((err: unknown) =>
    log.warn(
      { err, [LogFields.commandId]: command.commandId },
      'could not send the outcome to the waiting gateway',
    ),
  );
}

/** The outcome a reply carries, or null for a message that is not one. */
export function readReply(message: string): CommandOutcome | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { commandId, status } = parsed as Record<string, unknown>;
  if (typeof commandId !== 'string') return null;
  if (status !== 'accepted' && status !== 'rejected') return null;
  return parsed as CommandOutcome;
}
