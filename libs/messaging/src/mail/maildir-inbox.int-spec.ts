import {
  mkdtemp,
  mkdir,
  readdir,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@opsdesk/platform';
import { MaildirInbox } from './maildir-inbox';

const logger = createLogger('maildir-inbox-test', 'silent');

function mailText(subject: string, messageId: string): string {
  return [
    'From: 刘女士 <liu@example.com>',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    '',
    '正文',
  ].join('\r\n');
}

describe('a maildir folder as the inbox', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'opsdesk-maildir-'));
    await mkdir(join(dir, 'new'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function deliver(name: string, text: string, at: string) {
    const path = join(dir, 'new', name);
    await writeFile(path, text);
    await utimes(path, new Date(at), new Date(at));
  }

  it('lists new mail oldest receipt first, dated by the file', async () => {
    await deliver(
      'b.mail',
      mailText('second', '<2@x>'),
      '2026-03-02T05:50:00Z',
    );
    await deliver('a.mail', mailText('first', '<1@x>'), '2026-03-02T05:40:00Z');
    await writeFile(join(dir, 'new', '.hidden'), 'not mail');

    const pending = await new MaildirInbox(dir, logger).pending();

    expect(
      pending.map((p) => [p.key, p.mail.subject, p.mail.receivedAt]),
    ).toEqual([
      ['a.mail', 'first', '2026-03-02T05:40:00.000Z'],
      ['b.mail', 'second', '2026-03-02T05:50:00.000Z'],
    ]);
  });

  it('moves a taken mail to cur/, flagged seen, and lists it no more', async () => {
    await deliver('a.mail', mailText('first', '<1@x>'), '2026-03-02T05:40:00Z');
    const inbox = new MaildirInbox(dir, logger);
    const [mail] = await inbox.pending();

    await inbox.markTaken(mail);
    // A second poller that had listed it too finds it gone: no error.
    await inbox.markTaken(mail);

    expect(await readdir(join(dir, 'cur'))).toEqual(['a.mail:2,S']);
    expect(await inbox.pending()).toEqual([]);
  });

  it('sets an unreadable mail aside in rejected/, keeping its bytes', async () => {
    await deliver(
      'bad.mail',
      'no headers at all\r\n\r\nbody',
      '2026-03-02T05:40:00Z',
    );
    await deliver('good.mail', mailText('ok', '<1@x>'), '2026-03-02T05:41:00Z');

    const pending = await new MaildirInbox(dir, logger).pending();

    expect(pending.map((p) => p.key)).toEqual(['good.mail']);
    expect(await readdir(join(dir, 'rejected'))).toEqual(['bad.mail']);
  });

  it('sets a link aside instead of following it', async () => {
    await writeFile(join(dir, 'elsewhere'), mailText('outside', '<9@x>'));
    await symlink(join(dir, 'elsewhere'), join(dir, 'new', 'link.mail'));

    const pending = await new MaildirInbox(dir, logger).pending();

    expect(pending).toEqual([]);
    expect(await readdir(join(dir, 'rejected'))).toEqual(['link.mail']);
  });

  it('never dates a mail after its own clock', async () => {
    await deliver('a.mail', mailText('first', '<1@x>'), '2030-01-01T00:00:00Z');
    const now = new Date('2026-03-02T06:00:00.000Z');

    const [mail] = await new MaildirInbox(dir, logger, () => now).pending();

    expect(mail.mail.receivedAt).toBe(now.toISOString());
  });

  it('answers an empty list for a folder without new/', async () => {
    await rm(join(dir, 'new'), { recursive: true });
    expect(await new MaildirInbox(dir, logger).pending()).toEqual([]);
  });
});
