import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  logQueueErrors,
  MAINTENANCE_QUEUE,
  maintenanceQueuePrefix,
  WORKER_ROLES,
  type RoleQueueSet,
} from '@opsdesk/messaging';
import {
  bullConnection,
  type Logger,
  type OpsdeskConfig,
} from '@opsdesk/platform';
import { CONFIG, LOGGER, ROLE_QUEUES } from '@opsdesk/runtime';
import { Queue } from 'bullmq';
import type { Router } from 'express';

type BoardServerAdapter = Parameters<
  typeof createBullBoard
>[0]['serverAdapter'];

/** Where the board is mounted. */
export const QUEUE_BOARD_PATH = '/queues';

/**
 * Bull Board over every role's queue and the maintenance queue (whose
 * completed jobs hold the reconciler's reports): waiting, active and
 * failed jobs, with their data and errors, to look at only. Mounted
 * behind `operatorsOnly` (see `createApiApp`).
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  readonly router: Router;
  private readonly maintenance: Queue;

  constructor(
    @Inject(ROLE_QUEUES) queues: RoleQueueSet,
    @Inject(CONFIG) config: OpsdeskConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.maintenance = new Queue(MAINTENANCE_QUEUE, {
      connection: bullConnection(config),
      prefix: maintenanceQueuePrefix(config.queuePrefix),
    });
    logQueueErrors(this.maintenance, logger);
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: [
        // Read-only: the board's own buttons would retry a command the
        // domain refused, re-run a completed one, or edit a job's data
        // (its actor included) past every check of the API. Retries go
        // through POST /dead-letters/{queue}/{jobId}/retry.
        ...WORKER_ROLES.map(
          (role) =>
            new BullMQAdapter(queues.queue(role), { readOnlyMode: true }),
        ),
        new BullMQAdapter(this.maintenance, { readOnlyMode: true }),
      ],
      // The express adapter brings its own copy of @bull-board/api (a patch
      // release older), whose declarations differ only in private fields.
      // TODO(#8): drop the cast once both packages are on one version.
      serverAdapter: serverAdapter as unknown as BoardServerAdapter,
    });
    this.router = serverAdapter.getRouter() as Router;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.maintenance.close();
  }
}
