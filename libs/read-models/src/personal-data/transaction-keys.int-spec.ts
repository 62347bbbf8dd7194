import type { RecordedEvent } from '@opsdesk/event-store';
import {
  createPool,
  DataKeyVault,
  personalDataMigrations,
  runMigrations,
} from '@opsdesk/platform';
import type { Pool, PoolClient } from 'pg';
import { sealedCallReceived } from '../../../../test/support/sealed-report';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { SharedCommits } from '../projector/shared-commits';
import { vaultOpener } from './personal-data-opener';
import { eraseSubject } from '../../../../test/support/erase-subject';

const REPORTER = { type: 'user', name: '吴先生', phone: '135 2222 3333' };

/** A vault that counts its key look-ups. */
class CountingVault extends DataKeyVault {
  lookUps = 0;

  override existingKeys(subjects: readonly string[], client: PoolClient) {
    this.lookUps += 1;
    return super.existingKeys(subjects, client);
  }
}

describe('data keys in a shared page transaction', () => {
  let db: TestSchema;
  let vault: CountingVault;

  beforeAll(async () => {
    db = await createTestSchema('tx_keys');
    await runMigrations(db.pool, db.schema, personalDataMigrations);
    vault = new CountingVault(db.pool);
  });

  afterAll(async () => {
    await db.drop();
  });

  const reportedTicket = () => sealedCallReceived(vault, REPORTER);

  /** Three read models' commits of one page, each opening the event. */
  async function pageOpening(
    event: RecordedEvent,
    page: string,
    pool: Pool = db.pool,
  ) {
    const commits = new SharedCommits(pool);
    const opener = vaultOpener(vault);
    const seen: unknown[] = [];
    await Promise.all(
      ['ticket-view', 'inbox', 'timeline'].map((name) =>
        commits.commit({
          page,
          async write(client) {
            const [opened] = await opener.open(client, [event]);
            seen.push({ name, reporter: opened.data.reporter });
          },
        }),
      ),
    );
    return seen;
  }

  it('are looked up once for every read model of the page', async () => {
    const called = await reportedTicket();
    vault.lookUps = 0;

    const seen = await pageOpening(called, 'p1/p3');

    expect(seen).toEqual([
      { name: 'ticket-view', reporter: REPORTER },
      { name: 'inbox', reporter: REPORTER },
      { name: 'timeline', reporter: REPORTER },
    ]);
    expect(vault.lookUps).toBe(1);
  });

  it('are looked up again by the next page, which an erasure in between reaches', async () => {
    const called = await reportedTicket();
    await pageOpening(called, 'p4/p6');
    await eraseSubject(vault, called.streamName);
    vault.lookUps = 0;

    const seen = await pageOpening(called, 'p7/p9');

    expect(seen.map((s) => (s as { reporter: unknown }).reporter)).toEqual([
      { type: 'user' },
      { type: 'user' },
      { type: 'user' },
    ]);
    expect(vault.lookUps).toBe(1);
  });

  it('are not kept for the connection’s next transaction outside a page', async () => {
    const called = await reportedTicket();
    // One connection: the page's and the next transaction's are the same.
    const pool = createPool(db.url, db.schema, { max: 1 });
    try {
      await pageOpening(called, 'p10/p12', pool);
      await eraseSubject(vault, called.streamName);

      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const [opened] = await vaultOpener(vault).open(client, [called]);
        await client.query('COMMIT');
        expect(opened.data.reporter).toEqual({ type: 'user' });
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });
});
