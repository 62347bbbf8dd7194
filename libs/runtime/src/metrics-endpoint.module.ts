import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigError, processMetrics, type Logger } from '@opsdesk/platform';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { OpsdeskResources } from './resources';
import { optionalInteger } from './worker-settings';

const SETTINGS_TOKEN = Symbol('opsdesk:metrics-endpoint');

interface MetricsEndpointSettings {
  /** `METRICS_PORT`; none: nothing is served. */
  port?: number;
  /** `HOST`, as the API binds it (127.0.0.1 unless told). */
  host: string;
  logger: Logger;
}

export function metricsEndpointSettings(
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): MetricsEndpointSettings {
  const port = optionalInteger('METRICS_PORT', env);
  if (port !== undefined && (port < 1 || port > 65_535)) {
    throw new ConfigError('METRICS_PORT must be a port number (1-65535)');
  }
  return { port, host: env.HOST || '127.0.0.1', logger };
}

/**
 * `GET /metrics` for a process that serves no API (`npm run worker`,
 * `npm run projector`): the figures of the process as a whole
 * (processMetrics: Node's own, and the jobs its role workers finished),
 * on `METRICS_PORT`. The API serves the same figures, and the queues' and
 * the log's, on its own port.
 */
@Injectable()
class MetricsEndpoint
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private server?: Server;

  constructor(
    @Inject(SETTINGS_TOKEN) private readonly settings: MetricsEndpointSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host, logger } = this.settings;
    if (port === undefined) return;
    const server = createServer((request, response) => {
      void answer(request, response);
    });
    await new Promise<void>((listening, failed) => {
      server.once('error', failed);
      server.listen(port, host, () => listening());
    });
    this.server = server;
    logger.info({ host, port }, 'metrics served at /metrics');
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((closed) => server.close(() => closed()));
  }
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? '').split('?')[0];
  if (request.method !== 'GET' || path !== '/metrics') {
    answerError(response, 404, 'NOT_FOUND', 'Only GET /metrics is served here');
    return;
  }
  const registry = processMetrics();
  try {
    const text = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType });
    response.end(text);
  } catch {
    answerError(
      response,
      500,
      'INTERNAL_ERROR',
      'The figures could not be read',
    );
  }
}

/** The API's error shape, `{ error: { code, message, details } }`. */
function answerError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: { code, message, details: {} } }));
}

/** Serves the process's figures when `METRICS_PORT` is set. */
@Module({})
export class MetricsEndpointModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    return {
      module: MetricsEndpointModule,
      providers: [
        {
          provide: SETTINGS_TOKEN,
          useValue: metricsEndpointSettings(
            resources.logger.child({ component: 'metrics' }),
          ),
        },
        MetricsEndpoint,
      ],
    };
  }
}
