import { isAbsolute } from 'node:path';

/** Where the worker takes new mail from (邮件客服). */
export interface MailInboxSettings {
  /** `MAIL_INBOX_DIR`: a maildir folder (its `new/`, `cur/`, `rejected/`). */
  dir: string;
  /**
   * `MAIL_INBOX_SUBSIDIARY`: the subsidiary whose mailbox it is; its cases
   * belong to it, as a call belongs to the agent's subsidiary.
   */
  subsidiary: string;
  /** `MAIL_POLL_INTERVAL_MS`: the pause between two looks (5000). */
  pollMs: number;
}

/** The mail inbox, or undefined without `MAIL_INBOX_DIR`. */
export function loadMailInboxSettings(
  env: NodeJS.ProcessEnv,
  fail: (message: string) => Error,
): MailInboxSettings | undefined {
  const dir = env.MAIL_INBOX_DIR;
  if (dir === undefined || dir === '') return undefined;
  if (!isAbsolute(dir)) throw fail('MAIL_INBOX_DIR must be an absolute path');
  const subsidiary = env.MAIL_INBOX_SUBSIDIARY;
  if (!subsidiary) {
    throw fail(
      'MAIL_INBOX_SUBSIDIARY must name the subsidiary whose mailbox MAIL_INBOX_DIR is (e.g. sh)',
    );
  }
  const raw = env.MAIL_POLL_INTERVAL_MS;
  const pollMs = raw === undefined || raw === '' ? 5000 : Number(raw);
  if (!Number.isInteger(pollMs) || pollMs < 10) {
    throw fail('MAIL_POLL_INTERVAL_MS must be an integer of at least 10');
  }
  return { dir, subsidiary, pollMs };
}
