import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_DIR } from './child';
import { onInterrupt } from './cleanup';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** The built entry point of one of the apps (`npm run bench` builds them). */
export function appEntry(app: 'worker' | 'projector' | 'api'): string {
  const entry = join(REPO_ROOT, 'apps', app, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first`);
  return entry;
}

/**
 * One of opsdesk's own apps, started as an operator would (`node
 * apps/<app>/dist/main.js …`), with its output in the bench's log
 * directory. It is stopped by its pid: SIGTERM, so that it drains as in
 * production, then SIGKILL if it has not ended in time; an interrupted
 * run stops it the same way.
 */
export class AppProcess {
  private readonly child: ChildProcess;
  private readonly ended: Promise<void>;

  constructor(
    readonly name: string,
    entry: string,
    args: readonly string[],
    env: Record<string, string>,
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(join(LOG_DIR, `${name}.log`), {
      flags: 'a',
    });
    this.child = spawn(process.execPath, [entry, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    const forget = onInterrupt(() => this.stop(5000));
    this.ended = new Promise((resolve) =>
      this.child.once('exit', () => {
        forget();
        resolve();
      }),
    );
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(timeoutMs = 20_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const hard = setTimeout(() => {
      if (this.running) this.child.kill('SIGKILL');
    }, timeoutMs);
    await this.ended;
    clearTimeout(hard);
  }
}
