import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { childChannel } from '../support/child';

/**
 * The floor of a read on this machine: a bare Node HTTP server that
 * answers every GET with one PostgreSQL round trip (`SELECT $1, now()`,
 * a pool of 30 as the API has) and a fixed body of a ticket view's size,
 * with no framework, no token and no limiter. `--no-db` leaves out the
 * query. Only the query probe starts it.
 */
const channel = childChannel();
const withDatabase = !process.argv.includes('--no-db');
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 30,
});
pool.on('error', () => undefined);
const body = JSON.stringify({ padding: 'x'.repeat(1500) });

const server = createServer((request, response) => {
  const answer = () => {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(body);
  };
  if (!withDatabase) {
    answer();
    return;
  }
  pool
    .query('SELECT $1::text AS path, now() AS at', [request.url])
    .then(answer, () => {
      response.statusCode = 500;
      response.end();
    });
});

server.listen(0, '127.0.0.1', () => {
  channel.send({
    type: 'ready',
    port: (server.address() as AddressInfo).port,
  });
});

channel.on('stop', async () => {
  server.close();
  await pool.end();
  process.exit(0);
});
