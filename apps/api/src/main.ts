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
