import { NonAppendingTransactions } from '@opsdesk/event-store';
import type { PoolClient } from 'pg';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { SharedCommits, type PageCommit } from './shared-commits';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('shared_commits');
  await db.pool.query('CREATE TABLE written (who text PRIMARY KEY, tx text)');
});

afterAll(async () => {
  await db.drop();
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE written');
});

/** A commit that writes its name and the transaction it ran in. */
function writing(who: string, page: string, fail = false): PageCommit {
  return {
    page,
    async write(client: PoolClient) {
      await client.query(
        'INSERT INTO written (who, tx) VALUES ($1, txid_current()::text)',
        [who],
      );
      if (fail) throw new Error(`${who} failed`);
    },
  };
}

async function written(): Promise<Record<string, string>> {
  const { rows } = await db.pool.query<{ who: string; tx: string }>(
    'SELECT who, tx FROM written ORDER BY who',
  );
  return Object.fromEntries(rows.map((row) => [row.who, row.tx]));
}

describe('shared commits', () => {
  it('make commits of one page, submitted together, in one transaction', async () => {
    const commits = new SharedCommits(db.pool);

    await Promise.all([
      commits.commit(writing('ticket-view', 'p1/p9')),
      commits.commit(writing('inbox', 'p1/p9')),
      commits.commit(writing('timeline', 'p1/p9')),
    ]);

    const rows = await written();
    expect(Object.keys(rows)).toEqual(['inbox', 'ticket-view', 'timeline']);
    expect(new Set(Object.values(rows)).size).toBe(1);
  });

  it('keep commits of different pages apart', async () => {
    const commits = new SharedCommits(db.pool);

    await Promise.all([
      commits.commit(writing('ticket-view', 'p1/p9')),
      commits.commit(writing('inbox', 'p1/p5')),
    ]);

    const rows = await written();
    expect(rows['ticket-view']).not.toBe(rows.inbox);
  });

  it('fail only the commit that broke the transaction; the others are kept', async () => {
    const commits = new SharedCommits(db.pool);

    const outcomes = await Promise.allSettled([
      commits.commit(writing('ticket-view', 'p1/p9')),
      commits.commit(writing('inbox', 'p1/p9', true)),
      commits.commit(writing('timeline', 'p1/p9')),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(Object.keys(await written())).toEqual(['ticket-view', 'timeline']);
  });

  it('commit without waiting for the WAL flush', async () => {
    const commits = new SharedCommits(db.pool);
    let setting = '';

    await commits.commit({
      page: 'p1/p1',
      async write(client) {
        const { rows } = await client.query<{ setting: string }>(
          "SELECT current_setting('synchronous_commit') AS setting",
        );
        setting = rows[0].setting;
      },
    });

    expect(setting).toBe('off');
  });
});

describe('shared commits and the log tail', () => {
  it('name their open transaction as one that appends nothing, until it ends', async () => {
    const nonAppending = new NonAppendingTransactions();
    const commits = new SharedCommits(db.pool, { nonAppending });
    const seen: { own: string; listed: string[] }[] = [];

    await commits.commit({
      page: 'p1/p9',
      async write(client) {
        const { rows } = await client.query<{ id: string }>(
          'SELECT pg_current_xact_id()::text AS id',
        );
        seen.push({ own: rows[0].id, listed: nonAppending.list() });
      },
    });

    expect(seen).toHaveLength(1);
    expect(seen[0].listed).toEqual([seen[0].own]);
    expect(nonAppending.list()).toEqual([]);
  });

  it('take the name back when the transaction fails', async () => {
    const nonAppending = new NonAppendingTransactions();
    const commits = new SharedCommits(db.pool, { nonAppending });

    await expect(
      commits.commit(writing('ticket-view', 'p1/p9', true)),
    ).rejects.toThrow('ticket-view failed');

    expect(nonAppending.list()).toEqual([]);
  });
});
