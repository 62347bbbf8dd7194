import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { openResources, runMain } from '@opsdesk/runtime';
import { createApiApp } from '../create-api-app';
import { signingKeyForTools } from '../auth/signing-key';
import { OpsdeskClient, type Actor } from './opsdesk-client';
import { formatTimeline } from './print-timeline';
import {
  blockedGate,
  brokenChargingPile,
  onSiteRepair,
  resultCallBack,
} from './scenarios';
import { signedTokens } from './signed-tokens';
import { parseWorkloadArgs, wantsHelp } from '../workload/workload-args';
import {
  describeWorkload,
  generateWorkload,
  HEADQUARTERS,
} from '../workload/workload';

/** Who reads when a step names nobody: the agent who took the calls. */
const AGENT: Actor = {
  id: 'agent-0107',
  role: 'cs-phone-agent',
  subsidiary: 'sh',
};

/** Uses a running opsdesk if one answers; otherwise starts one in this process. */
async function connect(): Promise<{
  client: OpsdeskClient;
  stop(): Promise<void>;
}> {
  const config = loadConfig();
  // The demo signs its own tokens: with AUTH_SIGNING_KEY, or with the
  // machine's development key, as a local opsdesk checks them.
  const tokens = signedTokens(signingKeyForTools(config).key);
  const url = process.env.OPSDESK_URL ?? `http://127.0.0.1:${config.port}`;
  if (await answers(url)) {
    return {
      client: new OpsdeskClient(url, tokens, AGENT),
      stop: async () => undefined,
    };
  }
  const logger = createLogger('demo', process.env.LOG_LEVEL ?? 'warn');
  const resources = await openResources(config, logger);
  const app: INestApplication = await createApiApp(resources, { all: true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    client: new OpsdeskClient(
      `http://127.0.0.1:${address.port}`,
      tokens,
      AGENT,
    ),
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

const DEMO_USAGE =
  'usage: demo [--month [--days 30] [--seed 2026] [--per-day 24] ' +
  '[--concurrency 8] [--end 2026-12-04T12:00:00Z]]';

runMain('opsdesk-demo', async () => {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return;
  }
  // Checked before anything runs, so a mistyped option fails at once.
  const month = parseWorkloadArgs(argv, ['month']);
  const { client, stop } = await connect();
  try {
    process.stdout.write(`opsdesk demo against ${client.baseUrl}\n\n`);
    const scenarios = [
      brokenChargingPile,
      blockedGate,
      onSiteRepair,
      // (d) the result told by the phone call-back process (P08).
      (c: OpsdeskClient) => resultCallBack(c),
    ];
    for (const scenario of scenarios) {
      const result = await scenario(client);
      process.stdout.write(await formatTimeline(client, result));
      process.stdout.write('\n');
    }
    if (argv.includes('--month')) {
      // `--month [--days 30] [--seed 2026]`: a generated month of faults
      // for the dashboard (README, "Reporting").
      const generated = await generateWorkload(
        client.as(HEADQUARTERS),
        month,
        createLogger('demo', process.env.LOG_LEVEL ?? 'info'),
      );
      const configured =
        process.env.OPSDESK_URL ?? `http://127.0.0.1:${loadConfig().port}`;
      process.stdout.write(
        describeWorkload(
          generated,
          client.baseUrl === configured ? `${client.baseUrl}/dashboard` : null,
        ),
      );
    }
  } finally {
    await stop();
  }
});
