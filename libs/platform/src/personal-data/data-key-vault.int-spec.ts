import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { runMigrations } from '../postgres';
import { DataKeyVault } from './data-key-vault';
import { personalDataMigrations } from './personal-data.migrations';
import { eraseSubject } from '../../../../test/support/erase-subject';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('vault');
  await runMigrations(db.pool, db.schema, personalDataMigrations);
});

afterAll(async () => {
  await db.drop();
});

describe('data keys asked for at once', () => {
  it('give each subject one key, however often it is asked for', async () => {
    const vault = new DataKeyVault(db.pool);
    const subjects = ['ticket-a', 'ticket-b', 'ticket-a', 'ticket-c'];

    const keys = await Promise.all(subjects.map((s) => vault.keyFor(s)));

    expect(keys[0]!.equals(keys[2]!)).toBe(true);
    expect(keys[0]!.equals(keys[1]!)).toBe(false);
    const { rows } = await db.pool.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM personal_data_keys',
    );
    expect(rows[0].n).toBe('3');
  });

  it('give the key another vault made', async () => {
    const made = await new DataKeyVault(db.pool).keyFor('ticket-d');

    const found = await new DataKeyVault(db.pool).keyFor('ticket-d');

    expect(found!.equals(made!)).toBe(true);
  });

  it('give none for a subject erased, and make none again', async () => {
    const vault = new DataKeyVault(db.pool);
    await vault.keyFor('ticket-e');
    await eraseSubject(vault, 'ticket-e');

    const [again, other] = await Promise.all([
      vault.keyFor('ticket-e'),
      vault.keyFor('ticket-f'),
    ]);

    expect(again).toBeNull();
    expect(other).toBeInstanceOf(Buffer);
    expect(await vault.existingKey('ticket-e')).toBeNull();
  });
});
