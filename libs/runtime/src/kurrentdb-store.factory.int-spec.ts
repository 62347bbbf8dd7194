import { describe, expect, it } from '@jest/globals';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { closedPort } from '../../../test/support/closed-port';
import { openKurrentDbStore } from './kurrentdb-store.factory';

describe('EVENT_STORE=kurrentdb with no server at KURRENTDB_URL', () => {
  it('refuses to start with one line naming where it looked, without the password', async () => {
    const port = await closedPort();
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: `kurrentdb://admin:secret@127.0.0.1:${port}?tls=false`,
    });

    const error = (await openKurrentDbStore(
      config,
      createLogger('test', 'silent'),
    ).catch((e: unknown) => e)) as Error;

    expect(error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      service: 'KurrentDB',
    });
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain('secret');
    expect(error.message.split('\n')).toHaveLength(1);
  });
});
