import { lstat, mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@opsdesk/platform';
import type { InboundMail, MailInbox, PendingMail } from './inbound-mail';
import { MailParseError } from './mail-parse.error';
import { readMail } from './read-mail';

/** Larger than any text mail; a bigger file is set aside unread. */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;

/** Raised inside the adapter once a mail has been set aside. */
class UnreadableMail extends Error {}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/**
 * A maildir folder as the inbox: new mail is a file in `new/`; a taken
 * mail moves to `cur/` (flagged seen), an unreadable one to `rejected/`.
 * The receipt time is the file's modification time, which the delivery
 * agent sets when it writes the mail.
 */
export class MaildirInbox implements MailInbox {
  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pending(): Promise<PendingMail[]> {
    const fresh = join(this.dir, 'new');
    let names: string[];
    try {
      names = await readdir(fresh);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const read = await Promise.all(
      names.filter((name) => !name.startsWith('.')).map((n) => this.read(n)),
    );
    return read
      .filter((mail): mail is PendingMail => mail !== null)
      .sort(
        (a, b) =>
          Date.parse(a.mail.receivedAt) - Date.parse(b.mail.receivedAt) ||
          a.key.localeCompare(b.key),
      );
  }

  async markTaken(mail: PendingMail): Promise<void> {
    await mkdir(join(this.dir, 'cur'), { recursive: true });
    // Maildir's info suffix: version 2, flag S (seen).
    const seen = mail.key.includes(':2,') ? mail.key : `${mail.key}:2,S`;
    try {
      await rename(
        join(this.dir, 'new', mail.key),
        join(this.dir, 'cur', seen),
      );
    } catch (error) {
      // Another poller took it first; its case is the same one.
      if (!isMissing(error)) throw error;
    }
  }

  private async read(key: string): Promise<PendingMail | null> {
    const path = join(this.dir, 'new', key);
    try {
      // lstat: a link in new/ could point the adapter at any file it can
      // read; only mail written into the folder itself is taken.
      const info = await lstat(path);
      if (!info.isFile()) {
        await this.setAside(key, 'not a regular file');
        return null;
      }
      if (info.size > MAX_MAIL_BYTES) {
        await this.setAside(key, 'larger than the mail size limit');
        return null;
      }
      // A clock ahead of ours must not date the mail in the future.
      const receivedAt = new Date(
        Math.min(info.mtimeMs, this.now().getTime()),
      ).toISOString();
      return { key, mail: await this.parse(key, path, receivedAt) };
    } catch (error) {
      if (isMissing(error)) return null;
      if (error instanceof UnreadableMail) return null;
      throw error;
    }
  }

  /**
   * Any failure to parse sets the mail aside, a bug's as well as a
   * malformed header's: one odd mail must not hold up every other.
   */
  private async parse(
    key: string,
    path: string,
    receivedAt: string,
  ): Promise<InboundMail> {
    const raw = await readFile(path);
    try {
      return readMail(raw, receivedAt);
    } catch (error) {
      const reason =
        error instanceof MailParseError
          ? error.message
          : `unexpected parse failure: ${String(error)}`;
      await this.setAside(key, reason);
      throw new UnreadableMail();
    }
  }

  private async setAside(key: string, reason: string): Promise<void> {
    await mkdir(join(this.dir, 'rejected'), { recursive: true });
    try {
      await rename(join(this.dir, 'new', key), join(this.dir, 'rejected', key));
    } catch (error) {
      if (!isMissing(error)) throw error;
      return;
    }
    this.logger.warn(
      { component: 'mail-intake', file: key, reason },
      'unreadable mail set aside in rejected/',
    );
  }
}
