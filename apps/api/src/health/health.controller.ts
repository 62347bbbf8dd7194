import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RoleQueueSet } from '@opsdesk/messaging';
import { PG_POOL, ROLE_QUEUES } from '@opsdesk/runtime';
import type { Response } from 'express';
import type { Pool } from 'pg';

type Check = { status: 'up' } | { status: 'down'; reason: string };

/**
 * A probe's answer within this, or the service counts as down: a Redis
 * that accepts connections and answers nothing (or a pool with no free
 * connection) would otherwise hold the check, and the orchestrator
 * polling it, for as long as it lasts.
 */
const PROBE_BOUND_MS = 2_000;

async function probe(run: () => Promise<unknown>): Promise<Check> {
  let bound: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    bound = setTimeout(
      () => fail(Object.assign(new Error('no answer'), { code: 'TIMEOUT' })),
      PROBE_BOUND_MS,
    );
  });
  try {
    await Promise.race([run(), late]);
    return { status: 'up' };
  } catch (error) {
    // The endpoint is public: a code such as ECONNREFUSED, never a message
    // that could name an internal host or a statement.
    const code = (error as { code?: unknown }).code;
    return {
      status: 'down',
      reason:
        typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code)
          ? code
          : 'unavailable',
    };
  } finally {
    clearTimeout(bound);
  }
}

/** Liveness and readiness: the process answers; Redis and PostgreSQL do too. */
@ApiTags('operations 运维')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(ROLE_QUEUES) private readonly queues: RoleQueueSet,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.all([
      probe(() => this.pool.query('SELECT 1')),
      probe(async () => {
        const client = await this.queues.queue('cs-phone-agent').getBackend()
          .client;
        await (client as unknown as { ping(): Promise<string> }).ping();
      }),
    ]);
    const ready = postgres.status === 'up' && redis.status === 'up';
    res.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : 'not-ready',
      live: true,
      checks: { postgres, redis, eventStore: postgres },
    };
  }
}
