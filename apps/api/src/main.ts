import 'reflect-metadata';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { openResources, projectionPlacement, runMain } from '@opsdesk/runtime';
import { createApiApp } from './create-api-app';

runMain('opsdesk', async () => {
  const config = loadConfig();
  const logger = createLogger('opsdesk', config.logLevel);
  const all = process.argv.includes('--all');

  const host = process.env.HOST ?? '127.0.0.1';
  const resources = await openResources(config, logger);
  const app = await createApiApp(resources, {
    all,
    host,
    projections: projectionPlacement(config),
    // Closed as SIGTERM would close it, then ended with exit code 1, so a
    // supervisor restarts a process whose read models stopped. (Only a
    // started thread ends on its own, so `app` is set by then.)
    onProjectionThreadExit: () => {
      void app.close().finally(() => process.exit(1));
    },
  });

  await app.listen(config.port, host);
  logger.info(
    {
      url: `http://${host}:${config.port}`,
      docs: '/docs',
      inProcessWorkers: all,
    },
    'opsdesk is listening',
  );
});
