import { ConfigError, loadConfig } from './config';

describe('the mail inbox settings', () => {
  it('are absent without MAIL_INBOX_DIR', () => {
    expect(loadConfig({}).mailInbox).toBeUndefined();
  });

  it('name the folder, the subsidiary and the poll interval', () => {
    const config = loadConfig({
      MAIL_INBOX_DIR: '/srv/mail/kefu',
      MAIL_INBOX_SUBSIDIARY: 'sh',
      MAIL_POLL_INTERVAL_MS: '250',
    });
    expect(config.mailInbox).toEqual({
      dir: '/srv/mail/kefu',
      subsidiary: 'sh',
      pollMs: 250,
    });
  });

  it('poll every five seconds unless told', () => {
    const config = loadConfig({
      MAIL_INBOX_DIR: '/srv/mail/kefu',
      MAIL_INBOX_SUBSIDIARY: 'sh',
    });
    expect(config.mailInbox?.pollMs).toBe(5000);
  });

  it.each([
    [{ MAIL_INBOX_DIR: 'mail/kefu', MAIL_INBOX_SUBSIDIARY: 'sh' }],
    [{ MAIL_INBOX_DIR: '/srv/mail/kefu' }],
    [
      {
        MAIL_INBOX_DIR: '/srv/mail/kefu',
        MAIL_INBOX_SUBSIDIARY: 'sh',
        MAIL_POLL_INTERVAL_MS: 'often',
      },
    ],
  ])('refuse %j', (env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });
});
