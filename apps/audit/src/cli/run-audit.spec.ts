import { InMemoryEventStore } from '@opsdesk/event-store';
import { audit } from '../testing/audit-harness';
import { AUDIT_COMMANDS } from './commands';

function expectOneLineError(run: { stderr: string; stdout: string }) {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^audit( [a-z]+)?: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe('');
}

describe('a bad command line', () => {
  it.each([
    ['an unknown command', ['replay']],
    ['an unknown option', ['history', 'x', '--jsn']],
    ['a missing ticket', ['history']],
    ['an extra argument', ['verify', 'now']],
    ['an unparseable time', ['state', 'x', '--at', 'next tuesday']],
    ['an impossible date', ['export', '--from', '2026-02-30']],
    [
      'a range that ends before it starts',
      ['conformance', '--from', '2026-12-05', '--to', '2026-12-04'],
    ],
    ['an unknown projection', ['rebuild', 'tickets']],
    ['a bad batch size', ['rebuild', 'all', '--batch-size', '0']],
    ['an unknown export format', ['export', '--format', 'xlsx']],
  ])(
    'with %s is one line on stderr and exit code 2, before any database',
    async (_, argv) => {
      const run = await audit(argv);
      expect(run.code).toBe(2);
      expectOneLineError(run);
    },
  );

  it('with an unknown ticket is one line and exit code 2', async () => {
    const store = new InMemoryEventStore();
    for (const argv of [
      ['history', '0193a6f0-0000-7000-8000-000000000000'],
      ['state', 'SF-20991231-9999', '--at', '2026-12-04'],
      ['export', '--ticket', 'no-such-ticket'],
    ]) {
      const run = await audit(argv, { store });
      expect(run.code).toBe(2);
      expectOneLineError(run);
      expect(run.stderr).toContain('no ticket');
    }
    await store.close();
  });

  it('names the projections when the one asked for does not exist', async () => {
    const run = await audit(['rebuild', 'tickets']);
    expect(run.stderr).toContain('ticket-view');
    expect(run.stderr).toContain('all');
  });
});

describe('asking for help', () => {
  it('lists every command', async () => {
    const run = await audit(['--help']);
    expect(run.code).toBe(0);
    for (const command of AUDIT_COMMANDS) {
      expect(run.stdout).toContain(command.name);
    }
  });

  it.each(AUDIT_COMMANDS.map((c) => c.name))(
    'explains %s without touching the database',
    async (name) => {
      const run = await audit([name, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: npm run audit -- ${name}`);
      expect(run.stderr).toBe('');
    },
  );

  it('shows the command list and exit code 2 when no command is given', async () => {
    const run = await audit([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Commands:');
  });
});
