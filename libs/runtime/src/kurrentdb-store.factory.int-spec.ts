import { describe, expect, it } from '@jest/globals';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { createServer, type AddressInfo } from 'node:net';
import { openKurrentDbStore } from './kurrentdb-store.factory';

/** A loopback port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

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
