import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { NonAppendingTransactions } from '@opsdesk/event-store';
import type { Logger, OpsdeskConfig } from '@opsdesk/platform';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OpsdeskResources } from '../resources';
import type {
  FromProjectionThread,
  ToProjectionThread,
} from './thread-messages';

const THREAD_TOKEN = Symbol('opsdesk:projection-thread');

/**
 * The compiled entry point. From src (tests) as from dist, the package's
 * dist is two levels up: the thread always runs the built JavaScript.
 */
const PROJECTION_THREAD_ENTRY = resolve(
  __dirname,
  '../../dist/projection-thread/projection-thread.main.js',
);

export interface ProjectionThreadSettings {
  /** The thread opens its resources with this configuration. */
  config: OpsdeskConfig;
  nonAppending: NonAppendingTransactions;
  logger: Logger;
  /** The thread's script (tests give stand-ins). */
  entry?: string;
  /** How long a stopping thread may take to finish its pages (15 s). */
  stopBoundMs?: number;
  /** What a thread that ends on its own does to the process. */
  onUnexpectedExit?: (code: number) => void;
}

/**
 * Where a process that runs everything runs its projections: on a thread
 * of their own, unless the log is kept in this thread's memory (the
 * `memory` event store), which another thread cannot read.
 */
export function projectionPlacement(
  config: Pick<OpsdeskConfig, 'eventStore'>,
): 'in-process' | 'thread' {
  return config.eventStore === 'memory' ? 'in-process' : 'thread';
}

/** The thread's start data (`workerData`). */
export interface ProjectionThreadData {
  config: OpsdeskConfig;
}

/**
 * Stops the process as SIGTERM does (the role workers drain, connections
 * close): read models that silently stopped would be worse than a
 * restart. The process then ends by that signal; `npm start` passes its
 * own handler, which ends it with exit code 1 instead, for a supervisor
 * that counts a SIGTERM as a clean stop. The thread is not restarted
 * alone: it would replay from its checkpoints, but nothing here watches
 * how often it keeps failing.
 */
function stopTheProcess(): void {
  process.kill(process.pid, 'SIGTERM');
}

/**
 * The read models' runners on an event loop of their own, in a worker
 * thread of this process. In one process that also runs the role workers,
 * a page's transaction sent its 15-odd statements one after another, each
 * answer waiting behind the workers' callbacks: at 500 actions a second
 * that was most of the projection lag. The thread opens its own pool and
 * event store with the same configuration, and tells this thread which of
 * its transactions are read-model pages, for the log tail here (the
 * process manager's) to read past.
 * A thread that ends on its own (a crash) takes the process down.
 */
export class ProjectionThread {
  private worker?: Worker;
  private exited?: Promise<void>;
  private running = false;
  private stopping = false;
  /** Pages the thread has told of and not yet ended. */
  private readonly openPages = new Set<string>();

  constructor(private readonly settings: ProjectionThreadSettings) {}

  /** Resolves once the runners have started. */
  start(): Promise<void> {
    const { logger } = this.settings;
    const data: ProjectionThreadData = { config: this.settings.config };
    const worker = new Worker(this.settings.entry ?? PROJECTION_THREAD_ENTRY, {
      workerData: data,
    });
    this.worker = worker;
    this.exited = new Promise<void>((done) =>
      worker.once('exit', () => done()),
    );
    return new Promise<void>((started, failed) => {
      worker.on('message', (message: FromProjectionThread) => {
        switch (message.type) {
          case 'ready':
            this.running = true;
            logger.info('projections running on a thread of their own');
            started();
            return;
          case 'page-open':
            this.pageOpened(message.id);
            return;
          case 'page-ended':
            this.pageEnded(message.id);
            return;
          case 'failed':
            failed(new Error(`projection thread: ${message.message}`));
            return;
        }
      });
      worker.on('error', (error) => {
        logger.fatal({ err: error }, 'projection thread failed');
        failed(error);
      });
      worker.on('exit', (code) => {
        // Its connections closed with it, and with them its open pages.
        for (const id of [...this.openPages]) this.pageEnded(id);
        if (this.stopping) return;
        if (!this.running) {
          failed(new Error(`projection thread ended with code ${code}`));
          return;
        }
        logger.fatal({ code }, 'projection thread ended; stopping');
        (this.settings.onUnexpectedExit ?? stopTheProcess)(code);
      });
    });
  }

  /**
   * Asks the thread to finish its pages and close; bounded. Resolves at
   * once for a thread that has ended already (a crash stops the process
   * through this same shutdown).
   */
  async stop(): Promise<void> {
    const { worker, exited } = this;
    if (!worker || !exited || this.stopping) return;
    this.stopping = true;
    worker.postMessage({ type: 'stop' } satisfies ToProjectionThread);
    const boundMs = this.settings.stopBoundMs ?? 15_000;
    const bound = setTimeout(() => {
      this.settings.logger.warn(
        { boundMs },
        'projection thread did not stop in time; ending it',
      );
      void worker.terminate();
    }, boundMs);
    await exited;
    clearTimeout(bound);
  }

  private pageOpened(id: string): void {
    this.openPages.add(id);
    this.settings.nonAppending.add(id);
  }

  private pageEnded(id: string): void {
    this.openPages.delete(id);
    this.settings.nonAppending.delete(id);
  }
}

@Injectable()
class ProjectionThreadHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  constructor(
    @Inject(THREAD_TOKEN) private readonly thread: ProjectionThread,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.thread.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.thread.stop();
  }
}

/** Runs every projection in a worker thread of this process. */
@Module({})
export class ProjectionThreadModule {
  static forRoot(
    resources: OpsdeskResources,
    options: Pick<ProjectionThreadSettings, 'onUnexpectedExit'> = {},
  ): DynamicModule {
    const thread = new ProjectionThread({
      config: resources.config,
      nonAppending: resources.nonAppending,
      logger: resources.logger.child({ component: 'projection-thread' }),
      onUnexpectedExit: options.onUnexpectedExit,
    });
    return {
      module: ProjectionThreadModule,
      providers: [
        { provide: THREAD_TOKEN, useValue: thread },
        ProjectionThreadHost,
      ],
    };
  }
}
