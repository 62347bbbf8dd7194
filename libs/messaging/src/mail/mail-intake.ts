import { deterministicUuid, type Logger } from '@opsdesk/platform';
import type { CommandEnvelope } from '../queues/jobs';
import type { RoleQueueSet } from '../queues/role-queue-set';
import type { InboundMail, MailInbox } from './inbound-mail';

export const EMAIL_CASE_PROCESS = 'email-case';

/** The automatic hand that takes mail in, as the timeline shows it. */
export const MAIL_INBOX_ACTOR_ID = 'auto:mail-inbox';

/**
 * The command that opens a mail's case. Its command id and ticket id
 * derive from the mailbox's subsidiary and the Message-ID, so a mail read
 * twice (a crash between the enqueue and the move to `cur/`, or a second
 * copy) opens one case, and a mail sent to two subsidiaries' mailboxes
 * opens one in each.
 */
export function receiveMailCommand(
  mail: InboundMail,
  subsidiary: string,
  issuedAt: Date,
): CommandEnvelope {
  const key = `${subsidiary}:${mail.messageId}`;
  const commandId = deterministicUuid(`email-case:receive:${key}`);
  return {
    commandId,
    processId: EMAIL_CASE_PROCESS,
    ticketId: deterministicUuid(`email-case:ticket:${key}`),
    type: 'ReceiveMail',
    payload: {
      messageId: mail.messageId,
      from: mail.from,
      subject: mail.subject,
      body: mail.body,
      ...(mail.sentAt ? { sentAt: mail.sentAt } : {}),
      receivedAt: mail.receivedAt,
    },
    actor: {
      id: MAIL_INBOX_ACTOR_ID,
      role: 'system',
      kind: 'automatic',
      subsidiary,
    },
    correlationId: commandId,
    causationId: commandId,
    issuedAt: issuedAt.toISOString(),
  };
}

export interface MailIntakeOptions {
  inbox: MailInbox;
  queues: Pick<RoleQueueSet, 'addCommand'>;
  /** The subsidiary whose mailbox this is: its cases belong to it. */
  subsidiary: string;
  pollMs: number;
  logger: Logger;
  now?: () => Date;
}

/**
 * Takes new mail in order of receipt and asks the system's queue to open
 * a case for each, then marks it taken. A mail whose command could not be
 * queued stays new and is tried on the next poll.
 */
export class MailIntake {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: MailIntakeOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the inbox; the number of mails taken. */
  async pollOnce(): Promise<number> {
    const { inbox, queues, subsidiary, logger } = this.options;
    const now = this.options.now ?? (() => new Date());
    let taken = 0;
    for (const pending of await inbox.pending()) {
      if (this.stopped) break;
      const command = receiveMailCommand(pending.mail, subsidiary, now());
      await queues.addCommand('system', command);
      await inbox.markTaken(pending);
      taken += 1;
      logger.info(
        {
          component: 'mail-intake',
          ticketId: command.ticketId,
          commandId: command.commandId,
        },
        'mail taken in',
      );
    }
    return taken;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .then(() => undefined)
        .catch((error: unknown) => {
          // The mail stays in the inbox; the next poll tries it again.
          this.options.logger.error(
            { err: error, component: 'mail-intake' },
            'mail intake poll failed',
          );
        })
        .finally(() => this.schedule(this.options.pollMs));
    }, delay);
  }
}
