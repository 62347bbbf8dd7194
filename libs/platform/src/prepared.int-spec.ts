import {
  createTestSchema,
  type TestSchema,
} from '../../../test/support/database';
import { prepared } from './prepared';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('prepared');
  await db.pool.query('CREATE TABLE tickets (id text PRIMARY KEY, note text)');
});

afterAll(async () => {
  await db.drop();
});

const insertTicket = prepared(
  'INSERT INTO tickets (id, note) VALUES ($1, $2) RETURNING id, note',
);

async function preparedOnSession(
  client: { query: TestSchema['pool']['query'] },
  name: string,
): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1',
    [name],
  );
  return rows[0].n;
}

describe('a prepared statement', () => {
  it('is named by its text: the same text, the same name; another, another', () => {
    const again = prepared(
      'INSERT INTO tickets (id, note) VALUES ($1, $2) RETURNING id, note',
    );
    const other = prepared('SELECT note FROM tickets WHERE id = $1');

    expect(again(['a', 'b']).name).toBe(insertTicket(['a', 'b']).name);
    expect(other(['a']).name).not.toBe(insertTicket(['a', 'b']).name);
    expect(insertTicket(['a', 'b'])).toMatchObject({
      text: 'INSERT INTO tickets (id, note) VALUES ($1, $2) RETURNING id, note',
      values: ['a', 'b'],
    });
  });

  it('is prepared once on a connection and then run by name', async () => {
    const client = await db.pool.connect();
    try {
      const { name } = insertTicket([]);
      expect(await preparedOnSession(client, name!)).toBe(0);

      const first = await client.query(insertTicket(['t-1', '故障一']));
      const second = await client.query(insertTicket(['t-2', '故障二']));

      expect(first.rows).toEqual([{ id: 't-1', note: '故障一' }]);
      expect(second.rows).toEqual([{ id: 't-2', note: '故障二' }]);
      expect(await preparedOnSession(client, name!)).toBe(1);
    } finally {
      client.release();
    }
  });

  it('follows a table swapped in under its name', async () => {
    const client = await db.pool.connect();
    const readNote = prepared('SELECT note FROM tickets WHERE id = $1');
    try {
      await client.query(insertTicket(['t-3', '旧表']));
      expect((await client.query(readNote(['t-3']))).rows).toEqual([
        { note: '旧表' },
      ]);

      // What a rebuild's swap does: a fresh table takes the name.
      await client.query('ALTER TABLE tickets RENAME TO tickets_old');
      await client.query(
        'CREATE TABLE tickets (id text PRIMARY KEY, note text)',
      );
      await client.query(
        "INSERT INTO tickets (id, note) VALUES ('t-3', '新表')",
      );

      expect((await client.query(readNote(['t-3']))).rows).toEqual([
        { note: '新表' },
      ]);
    } finally {
      client.release();
    }
  });
});
