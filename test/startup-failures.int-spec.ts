import { closedPort } from './support/closed-port';
import { exited, startApp } from './support/child-process';
import { TEST_DATABASE_URL } from './support/database';
import { TEST_REDIS_URL } from './support/redis';

describe('starting opsdesk without its services', () => {
  it.each([
    ['api', ['--all']],
    ['worker', ['--role', 'dispatch-manager']],
    ['projector', []],
  ] as const)(
    'the %s says PostgreSQL is unreachable, where it looked and how to start it',
    async (app, args) => {
      const port = await closedPort();
      const child = startApp(
        app,
        {
          DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/test`,
          REDIS_URL: TEST_REDIS_URL,
        },
        [...args],
      );

      const { code } = await exited(child);
      const output = child.output().trim();

      expect(code).toBe(1);
      expect(output.split('\n')).toHaveLength(1);
      expect(output).toContain('PostgreSQL');
      expect(output).toContain(`127.0.0.1:${port}`);
      expect(output).toMatch(/pg_ctlcluster|docker compose/);
      expect(output).not.toContain('secret');
      expect(output).not.toMatch(/\n\s+at /);
    },
  );

  it('says Redis is unreachable, where it looked and how to start it', async () => {
    const port = await closedPort();
    const child = startApp('api', {
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });

    const { code } = await exited(child);
    const output = child.output().trim();

    expect(code).toBe(1);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toContain(`Redis at redis://127.0.0.1:${port}`);
    expect(output).toMatch(/redis-server|docker compose/);
  });

  it('refuses an unknown role with one line', async () => {
    const child = startApp('worker', {}, ['--role', 'janitor']);
    const { code } = await exited(child);
    expect(code).toBe(1);
    expect(child.output().trim()).toMatch(
      /^opsdesk-worker: Unknown role janitor/,
    );
  });
});
