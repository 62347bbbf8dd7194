import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { openResources, runMain } from '@opsdesk/runtime';
import { createApiApp } from '../create-api-app';
import { OpsdeskClient } from './opsdesk-client';
import { formatTimeline } from './print-timeline';
import { blockedGate, brokenChargingPile, onSiteRepair } from './scenarios';

/** Uses a running opsdesk if one answers; otherwise starts one in this process. */
async function connect(): Promise<{
  client: OpsdeskClient;
  stop(): Promise<void>;
}> {
  const config = loadConfig();
  const url = process.env.OPSDESK_URL ?? `http://127.0.0.1:${config.port}`;
  if (await answers(url)) {
    return { client: new OpsdeskClient(url), stop: async () => undefined };
  }
  const logger = createLogger('demo', process.env.LOG_LEVEL ?? 'warn');
  const resources = await openResources(config, logger);
  const app: INestApplication = await createApiApp(resources, { all: true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    client: new OpsdeskClient(`http://127.0.0.1:${address.port}`),
    // Closing the app drains its workers and then closes the resources.
    stop: () => app.close(),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

runMain('opsdesk-demo', async () => {
  const { client, stop } = await connect();
  try {
    process.stdout.write(`opsdesk demo against ${client.baseUrl}\n\n`);
    for (const scenario of [brokenChargingPile, blockedGate, onSiteRepair]) {
      const result = await scenario(client);
      process.stdout.write(await formatTimeline(client, result));
      process.stdout.write('\n');
    }
  } finally {
    await stop();
  }
});
