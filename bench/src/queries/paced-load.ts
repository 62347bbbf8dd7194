import { Agent, request as httpRequest } from 'node:http';
import { summarizeLatencies } from '../support/stats';

export interface PacedLoadRequest {
  url: string;
  paths: string[];
  rate: number;
  connections: number;
  durationMs: number;
  headers: Record<string, string>;
}

export interface PacedLoadResult {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  requests: number;
  achievedRate: number;
  errors: number;
  /** The failed requests by error code (ECONNRESET, …). */
  errorCodes: Record<string, number>;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/**
 * An open-loop load: request i is due at start + i ÷ rate, evenly spaced,
 * on at most `connections` keep-alive connections, whatever the answers
 * do. Its latency runs from the moment it was due, not from when it was
 * sent, so a request that waited for a free connection or for this
 * process's own event loop counts that wait (no coordinated omission).
 */
export async function pacedLoad(
  request: PacedLoadRequest,
): Promise<PacedLoadResult> {
  const target = new URL(request.url);
  const agent = new Agent({
    keepAlive: true,
    maxSockets: request.connections,
  });
  const intervalMs = 1000 / request.rate;
  const total = Math.round((request.durationMs / 1000) * request.rate);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const errorCodes: Record<string, number> = {};
  let non2xx = 0;
  let finished = 0;
  const start = performance.now();

  await new Promise<void>((done) => {
    let sent = 0;
    const send = (dueAt: number) => {
      const path =
        request.paths[Math.floor(Math.random() * request.paths.length)];
      // A request ends once: answered, or failed before or while answering.
      let ended = false;
      const end = (record: () => void) => {
        if (ended) return;
        ended = true;
        record();
        if (++finished === total) done();
      };
      const fail = (code: string) =>
        end(() => {
          errors++;
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        });
      const req = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path,
          method: 'GET',
          headers: request.headers,
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            end(() => {
              latencies.push(performance.now() - dueAt);
              const code = String(res.statusCode);
              statusCodes[code] = (statusCodes[code] ?? 0) + 1;
              if (!res.statusCode || res.statusCode >= 300) non2xx++;
            }),
          );
          // A connection lost part way through the answer: no 'end'.
          res.on('close', () => {
            if (!res.complete) fail('ANSWER_CUT_SHORT');
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        fail(error.code ?? error.message),
      );
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        send(start + sent * intervalMs);
        sent++;
      }
      if (sent < total) {
        setTimeout(tick, Math.max(0, start + sent * intervalMs - now));
      }
    };
    tick();
  });
  const elapsedMs = performance.now() - start;
  agent.destroy();
  const summary = summarizeLatencies(latencies);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    p50: round(summary.p50),
    p99: round(summary.p99),
    max: round(summary.max),
    mean: round(latencies.reduce((s, v) => s + v, 0) / latencies.length),
    requests: finished,
    achievedRate: finished / (elapsedMs / 1000),
    errors,
    errorCodes,
    non2xx,
    statusCodes,
  };
}
