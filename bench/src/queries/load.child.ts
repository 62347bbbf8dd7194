import autocannon from 'autocannon';
import { childChannel } from '../support/child';
import { pacedLoad, type PacedLoadRequest } from './paced-load';

export interface LoadRequest {
  type: 'load';
  url: string;
  paths: string[];
  rate: number;
  connections: number;
  durationMs: number;
  headers: Record<string, string>;
}

const channel = childChannel();

/**
 * The load generator, in a process of its own: autocannon at a fixed
 * overall rate over `paths` picked at random. Its latency histogram has
 * a resolution of 1 ms. Its coordinated-omission correction is off: in
 * autocannon 8 it assumes a 1 ms interval whatever the rate, and would
 * add a synthetic sample for every millisecond of a slower response.
 */
channel.on('load', async (message) => {
  const request = message as unknown as LoadRequest;
  const paths = request.paths;
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    overallRate: request.rate,
    duration: request.durationMs / 1000,
    ignoreCoordinatedOmission: true,
    headers: request.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (r) => ({
          ...r,
          path: paths[Math.floor(Math.random() * paths.length)],
        }),
      },
    ],
  });
  channel.send({
    type: 'loaded',
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: result.latency.average,
    requests: result.requests.total,
    achievedRate: result.requests.total / result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [
        code,
        v.count,
      ]),
    ),
  });
});

/** The same paths offered evenly spaced, open-loop (see pacedLoad). */
channel.on('paced', async (message) => {
  const result = await pacedLoad(message as unknown as PacedLoadRequest);
  channel.send({ type: 'paced-done', ...result });
});

channel.on('stop', async () => process.exit(0));
channel.send({ type: 'ready' });
