import { createServer } from 'node:net';
import { randomInt } from 'node:crypto';

/**
 * A loopback port nobody listens on now, from a range above the usual
 * services and below Linux's ephemeral ports (32768 on), which outgoing
 * connections take: a server restarted on its port would otherwise find
 * it held by one. Servers under test are never started on port 0, so the
 * port is chosen here and checked by binding it once.
 */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = randomInt(20_000, 32_000);
    if (await canBind(port)) return port;
  }
  throw new Error('No free loopback port found in 20000–31999');
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
