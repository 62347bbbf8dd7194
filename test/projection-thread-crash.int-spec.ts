import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, startApp } from './support/child-process';
import { createTestSchema, type TestSchema } from './support/database';
import { eventually } from './support/eventually';
import { freePort } from './faults/support/free-port';
import { TEST_REDIS_URL, testQueuePrefix } from './support/redis';
import { deleteKeys } from './support/system';

// A whole process started, then stopped by its own thread's crash.
jest.setTimeout(60_000);

/**
 * `npm start` with its projection thread crashing: a preload that runs
 * only in worker threads throws once the test drops a file, as a bug in
 * a read model would.
 */
describe('npm start when its projection thread crashes', () => {
  let schema: TestSchema;
  let dir: string;
  const prefix = testQueuePrefix('crash');

  beforeAll(async () => {
    schema = await createTestSchema('crash');
    dir = mkdtempSync(join(tmpdir(), 'projection-crash-'));
    writeFileSync(
      join(dir, 'crash-on-cue.js'),
      `const { isMainThread } = require('node:worker_threads');
       const { existsSync } = require('node:fs');
       if (!isMainThread) {
         setInterval(() => {
           if (existsSync(${JSON.stringify(join(dir, 'now'))})) {
             throw new Error('a read model broke');
           }
         }, 50);
       }`,
    );
  });

  afterAll(async () => {
    await deleteKeys(prefix);
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes and exits with code 1, for a supervisor to restart it', async () => {
    const port = await freePort();
    const child = startApp(
      'api',
      {
        DATABASE_URL: schema.url,
        DATABASE_SCHEMA: schema.schema,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        PORT: String(port),
        LOG_LEVEL: 'info',
        NODE_OPTIONS: `--require ${join(dir, 'crash-on-cue.js')}`,
      },
      ['--all'],
    );
    try {
      await eventually(async () => {
        expect(child.output()).toContain(
          'projections running on a thread of their own',
        );
        const health = await fetch(`http://127.0.0.1:${port}/health`);
        expect(health.status).toBe(200);
      }, 30_000);

      writeFileSync(join(dir, 'now'), '');
      const { code } = await exited(child);

      expect(code).toBe(1);
      expect(child.output()).toContain('projection thread ended; stopping');
      // The main thread's consumers stopped as on SIGTERM.
      expect(child.output()).toContain('lease released');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
