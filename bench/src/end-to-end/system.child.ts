import 'reflect-metadata';
import { createApiApp } from '@opsdesk/app-api/dist/create-api-app';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { openResources } from '@opsdesk/runtime';
import { childChannel } from '../support/child';
import { CpuProfiler } from '../support/cpu-profiler';
import {
  installQueryStats,
  startQueryStats,
  stopQueryStats,
} from '../support/query-stats';

/**
 * The system under test in its own process, composed as `npm start`
 * composes it: the HTTP API, and with `--all` every role worker, the
 * process manager and the projections (on a thread of their own unless
 * `--projections-in-process`). Configured by the environment.
 */
async function main(): Promise<void> {
  const channel = childChannel();
  installQueryStats();
  const all = process.argv.includes('--all');
  const config = loadConfig();
  const logger = createLogger('bench-system', config.logLevel);
  const resources = await openResources(config, logger);
  const app = await createApiApp(resources, {
    all,
    projections: process.argv.includes('--projections-in-process')
      ? 'in-process'
      : 'thread',
  });
  await app.listen(config.port, '127.0.0.1');

  const profiler = new CpuProfiler();
  channel.on('profile-start', async () => {
    await profiler.start();
    startQueryStats();
    channel.send({ type: 'profile-started' });
  });
  channel.on('profile-stop', async (message) => {
    await profiler.stop(String(message.file));
    channel.send({ type: 'profile-saved', statements: stopQueryStats() });
  });
  channel.on('stop', async () => {
    // Drains the workers, then closes the queues and the pool.
    await app.close();
    process.exit(0);
  });
  channel.send({ type: 'ready', port: config.port });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', error: String(error) });
  process.exit(1);
});
