import {
  DataKeyVault,
  personalDataMigrations,
  runMigrations,
} from '@opsdesk/platform';
import { eventually } from '../../../test/support/eventually';
import { begunTransaction } from '../../../test/support/begun-transaction';
import { sealedCallReceived } from '../../../test/support/sealed-report';
import {
  createTestSchema,
  type TestSchema,
} from '../../../test/support/database';
import { personalDataHold } from './personal-data-hold';

const REPORTER = { type: 'user', name: '周先生', phone: '135 0000 1111' };

/**
 * The lock protocol between automation that copies a reporter (the
 * process linker opening a call-back) and the reporter's erasure: the
 * copy holds the ticket's key until it is written, so an erasure either
 * waits for the copy (and then finds it) or comes first (and nothing
 * opens).
 */
describe('personal data held while it is copied', () => {
  let db: TestSchema;
  let vault: DataKeyVault;

  beforeAll(async () => {
    db = await createTestSchema('hold');
    await runMigrations(db.pool, db.schema, personalDataMigrations);
    vault = new DataKeyVault(db.pool);
  });

  afterAll(async () => {
    await db.drop();
  });

  const reportedTicket = () => sealedCallReceived(vault, REPORTER);

  /** The sessions holding the subject's lock, and their transaction ids. */
  async function holdersWithId(subject: string) {
    const { rows } = await db.pool.query<{ holding: boolean; xid: string }>(
      `SELECT true AS holding, a.backend_xid::text AS xid
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted
          AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(
                'personal-data/' || current_schema() || '/' || $1, 0)`,
      [subject],
    );
    return rows;
  }

  /** Whether the erasure waits for a lock, or another session for its. */
  async function waiting(eraserPid: number): Promise<boolean> {
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE pid = $1 AND cardinality(pg_blocking_pids(pid)) > 0
           OR $1 = ANY(pg_blocking_pids(pid))`,
      [eraserPid],
    );
    return rows[0].n > 0;
  }

  it('makes an erasure wait until the copy is written', async () => {
    const called = await reportedTicket();
    let copy!: () => void;
    const copied = new Promise<void>((resolve) => (copy = resolve));
    const hold = personalDataHold(db.pool, vault);
    const seen: unknown[] = [];
    const holding = hold([called], async ([opened]) => {
      seen.push(opened.data.reporter);
      await copied;
    });
    await eventually(async () => expect(seen).toHaveLength(1));
    // Holding takes no transaction id, which every log reader would wait for.
    expect(await holdersWithId(called.streamName)).toEqual([
      { holding: true, xid: null },
    ]);

    const { client: eraser, pid } = await begunTransaction(db.pool);
    try {
      const deleted = vault.deleteKeys([called.streamName], eraser);
      await eventually(async () => expect(await waiting(pid)).toBe(true));
      copy();
      await holding;
      await deleted;
      await eraser.query('COMMIT');
    } finally {
      eraser.release();
    }
    expect(seen).toEqual([REPORTER]);
    expect(await vault.existingKey(called.streamName)).toBeNull();
  });

  it('opens nothing once an erasure has deleted the key, committed or not', async () => {
    const called = await reportedTicket();
    const { client: eraser, pid } = await begunTransaction(db.pool);
    let holding: Promise<unknown> | undefined;
    try {
      await vault.deleteKeys([called.streamName], eraser);
      holding = personalDataHold(db.pool, vault)(
        [called],
        async ([opened]) => opened.data.reporter,
      );
      await eventually(async () => expect(await waiting(pid)).toBe(true));
      await eraser.query('COMMIT');
    } finally {
      eraser.release();
    }
    expect(await holding).toEqual({ type: 'user' });
  });
});
