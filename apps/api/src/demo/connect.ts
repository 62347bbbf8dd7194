import type { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { openResources } from '@opsdesk/runtime';
import { signingKeyForTools } from '../auth/signing-key';
import { createApiApp } from '../create-api-app';
import { OpsdeskClient, type Actor } from './opsdesk-client';
import { signedTokens } from './signed-tokens';

export interface Connection {
  client: OpsdeskClient;
  /** False when this process started its own opsdesk, gone at `stop`. */
  external: boolean;
  stop(): Promise<void>;
}

/**
 * Uses a running opsdesk if one answers; otherwise starts one in this
 * process. Requests are signed as the demo's are (AUTH_SIGNING_KEY, or the
 * machine's development key), by default as `actor`.
 * TODO(#5): the demo's own `connect` in `demo/main.ts` does the same; it
 * can use this one once the token work there has settled.
 */
export async function connect(name: string, actor: Actor): Promise<Connection> {
  const config = loadConfig();
  const tokens = signedTokens(signingKeyForTools(config).key);
  const url = process.env.OPSDESK_URL ?? `http://127.0.0.1:${config.port}`;
  if (await answers(url)) {
    return {
      client: new OpsdeskClient(url, tokens, actor),
      external: true,
      stop: async () => undefined,
    };
  }
  const logger = createLogger(name, process.env.LOG_LEVEL ?? 'warn');
  const resources = await openResources(config, logger);
  const app: INestApplication = await createApiApp(resources, { all: true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    client: new OpsdeskClient(
      `http://127.0.0.1:${address.port}`,
      tokens,
      actor,
    ),
    external: false,
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
