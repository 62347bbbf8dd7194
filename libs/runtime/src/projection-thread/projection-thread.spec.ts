import { NonAppendingTransactions } from '@opsdesk/event-store';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  projectionPlacement,
  ProjectionThread,
  type ProjectionThreadSettings,
} from './projection-thread';

// Stand-ins for the thread's script: each plays one way a thread behaves.
const STAND_INS = {
  'cannot-start': `
    parentPort.postMessage({ type: 'failed', message: 'PostgreSQL is unreachable' });
    process.exit(1);`,
  // Ends once the test has looked (see crashNow): on a timer of its own it
  // could end before the test's first look, which would then see nothing.
  'crashes-later': `
    parentPort.postMessage({ type: 'page-open', id: '901' });
    parentPort.postMessage({ type: 'ready' });
    const told = require('node:path').join(__dirname, 'crash-now');
    setInterval(() => { if (require('node:fs').existsSync(told)) process.exit(3); }, 5);`,
  'opens-pages': `
    parentPort.postMessage({ type: 'page-open', id: workerData.config.databaseSchema });
    parentPort.postMessage({ type: 'page-open', id: '702' });
    parentPort.postMessage({ type: 'page-ended', id: '702' });
    parentPort.postMessage({ type: 'ready' });
    parentPort.on('message', (m) => { if (m.type === 'stop') process.exit(0); });`,
  'ignores-stop': `
    parentPort.postMessage({ type: 'ready' });
    setInterval(() => undefined, 1000);`,
} as const;

describe('ProjectionThread', () => {
  let dir: string;
  const config = loadConfig({ DATABASE_SCHEMA: 'told_by_config' });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'projection-thread-'));
    for (const [name, body] of Object.entries(STAND_INS)) {
      writeFileSync(
        join(dir, `${name}.js`),
        `const { parentPort, workerData } = require('node:worker_threads');\n${body}\n`,
      );
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function thread(
    standIn: keyof typeof STAND_INS,
    settings: Partial<ProjectionThreadSettings> = {},
  ) {
    const nonAppending = new NonAppendingTransactions();
    const unexpectedExits: number[] = [];
    let heardExit: () => void = () => undefined;
    const exitHeard = new Promise<void>((done) => (heardExit = done));
    const projections = new ProjectionThread({
      config,
      nonAppending,
      logger: createLogger('test', 'silent'),
      entry: join(dir, `${standIn}.js`),
      onUnexpectedExit: (code) => {
        unexpectedExits.push(code);
        heardExit();
      },
      ...settings,
    });
    return { projections, nonAppending, unexpectedExits, exitHeard };
  }

  /** Tells a running 'crashes-later' to end, and waits until it has. */
  async function crashNow(exitHeard: Promise<void>) {
    const told = join(dir, 'crash-now');
    writeFileSync(told, '');
    await exitHeard;
    rmSync(told);
  }

  it('fails to start with the reason the thread gave', async () => {
    const { projections, unexpectedExits } = thread('cannot-start');
    await expect(projections.start()).rejects.toThrow(
      'projection thread: PostgreSQL is unreachable',
    );
    expect(unexpectedExits).toEqual([]);
  });

  it('hands the thread its configuration and holds the pages it has open', async () => {
    const { projections, nonAppending } = thread('opens-pages');
    await projections.start();
    // Messages arrive in order: every page message came before 'ready'.
    expect(nonAppending.list()).toEqual(['told_by_config']);
    await projections.stop();
  });

  it('stops the process when a running thread ends on its own, and forgets its open pages', async () => {
    const { projections, unexpectedExits, exitHeard, nonAppending } =
      thread('crashes-later');
    await projections.start();
    expect(nonAppending.list()).toEqual(['901']);
    await crashNow(exitHeard);
    expect(unexpectedExits).toEqual([3]);
    expect(nonAppending.list()).toEqual([]);
  });

  it('lets the shutdown a crash began stop the ended thread at once', async () => {
    const { projections, exitHeard } = thread('crashes-later', {
      // Were stop() to wait for an exit that has come and gone, only this
      // bound (longer than the test's own limit) would end it.
      stopBoundMs: 600_000,
    });
    await projections.start();
    await crashNow(exitHeard);
    await projections.stop();
  });

  it('ends a thread that does not stop within the bound, and says nothing of a crash', async () => {
    const { projections, unexpectedExits } = thread('ignores-stop', {
      stopBoundMs: 100,
    });
    await projections.start();
    await projections.stop();
    expect(unexpectedExits).toEqual([]);
  });
});

describe('projectionPlacement', () => {
  it('keeps the projections beside a log held in memory, and gives them a thread otherwise', () => {
    expect(projectionPlacement({ eventStore: 'memory' })).toBe('in-process');
    expect(projectionPlacement({ eventStore: 'postgres' })).toBe('thread');
    expect(projectionPlacement({ eventStore: 'kurrentdb' })).toBe('thread');
  });
});
