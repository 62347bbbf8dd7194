import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { onInterrupt } from './cleanup';

export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

/** Where children's stderr goes (ignored by git). */
export const LOG_DIR = join(__dirname, '..', '..', 'results', 'logs');

/**
 * A bench child process with an IPC channel: the system under test, a
 * load generator or a runner, kept apart from the process that measures.
 */
export class BenchChild {
  private readonly inbox: ChildMessage[] = [];
  private waiters: (() => void)[] = [];
  private exited: { code: number | null; signal: string | null } | undefined;
  readonly process: ChildProcess;

  constructor(
    script: string,
    options: {
      name: string;
      args?: string[];
      env?: Record<string, string>;
      execArgv?: string[];
    },
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(join(LOG_DIR, `${options.name}.log`), {
      flags: 'a',
    });
    this.process = fork(script, options.args ?? [], {
      env: { ...process.env, ...options.env },
      execArgv: options.execArgv ?? [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.process.stdout?.pipe(log);
    this.process.stderr?.pipe(log);
    this.process.on('message', (message) => {
      this.inbox.push(message as ChildMessage);
      this.wake();
    });
    const forget = onInterrupt(() => this.stop(5000));
    this.process.on('exit', (code, signal) => {
      this.exited = { code, signal };
      forget();
      this.wake();
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  send(message: ChildMessage): void {
    this.process.send(message);
  }

  /** The next message of `type`; rejects on timeout or if the child dies. */
  async next(type: string, timeoutMs: number): Promise<ChildMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0];
      const failed = this.inbox.find((m) => m.type === 'failed');
      if (failed) throw new Error(`child failed: ${String(failed.error)}`);
      if (this.exited) {
        throw new Error(
          `child exited (${this.exited.code ?? this.exited.signal}) before '${type}'`,
        );
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for '${type}'`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends `request` and waits for the reply of type `reply`. */
  async ask(
    request: ChildMessage,
    reply: string,
    timeoutMs: number,
  ): Promise<ChildMessage> {
    this.send(request);
    return this.next(reply, timeoutMs);
  }

  /** Asks the child to stop; kills it by pid if it does not exit in time. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.exited) return;
    if (this.process.connected) this.send({ type: 'stop' });
    const deadline = Date.now() + timeoutMs;
    while (!this.exited && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (!this.exited) {
      this.process.kill('SIGKILL');
      await new Promise((resolve) => this.process.once('exit', resolve));
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** For child entry points: report, and exit on 'stop' after `cleanup`. */
export function childChannel(): {
  send(message: ChildMessage): void;
  on(type: string, handle: (message: ChildMessage) => Promise<void>): void;
} {
  const handlers = new Map<string, (m: ChildMessage) => Promise<void>>();
  process.on('message', (message: ChildMessage) => {
    const handle = handlers.get(message.type);
    if (!handle) return;
    handle(message).catch((error: unknown) => {
      process.send?.({ type: 'failed', error: String(error) });
    });
  });
  // Without a parent there is nobody to report to: stop.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => process.send?.(message),
    on: (type, handle) => handlers.set(type, handle),
  };
}
