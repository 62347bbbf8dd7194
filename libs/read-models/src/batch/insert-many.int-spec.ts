import type { PoolClient } from 'pg';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { insertMany, updateOnConflict } from './insert-many';

const COLUMNS = ['id', 'label', 'n', 'ratio', 'flag', 'at', 'day', 'doc'];

describe('inserting a page of rows in one statement', () => {
  let db: TestSchema;
  let client: PoolClient;
  const head = `INSERT INTO rows_under_test (${COLUMNS.join(', ')})`;

  beforeAll(async () => {
    db = await createTestSchema('insertmany');
    await db.pool.query(`
      CREATE TABLE rows_under_test (
        id text PRIMARY KEY, label text, n integer, ratio double precision,
        flag boolean, at timestamptz, day date, doc jsonb)`);
    client = await db.pool.connect();
  });

  afterAll(async () => {
    client.release();
    await db.drop();
  });

  beforeEach(() => client.query('TRUNCATE rows_under_test'));

  it('stores each value as the driver would have sent it', async () => {
    const at = new Date('2026-12-05T01:02:03.456Z');
    await insertMany(client, head, '', [
      [
        'a',
        '充电桩 "3号" \\ 故障\n',
        42,
        0.1,
        true,
        at,
        '2026-12-05',
        JSON.stringify({ station: { name: '虹桥站' }, visits: [1, 2] }),
      ],
      ['b', null, null, null, null, null, null, null],
    ]);

    const { rows } = await client.query(
      `SELECT id, label, n, ratio, flag, at, day::text AS day, doc
         FROM rows_under_test ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: 'a',
        label: '充电桩 "3号" \\ 故障\n',
        n: 42,
        ratio: 0.1,
        flag: true,
        at,
        day: '2026-12-05',
        doc: { station: { name: '虹桥站' }, visits: [1, 2] },
      },
      {
        id: 'b',
        label: null,
        n: null,
        ratio: null,
        flag: null,
        at: null,
        day: null,
        doc: null,
      },
    ]);
  });

  it('updates existing rows with the tail given', async () => {
    const upsert = updateOnConflict('id', COLUMNS);
    const row = (label: string) => ['a', label, 1, 1, false, null, null, '{}'];
    await insertMany(client, head, upsert, [row('first')]);
    await insertMany(client, head, upsert, [row('second')]);

    const { rows } = await client.query('SELECT label FROM rows_under_test');
    expect(rows).toEqual([{ label: 'second' }]);
  });

  it('takes a page larger than a statement’s parameter limit', async () => {
    // 9,000 rows of 8 values: 72,000 values, past the protocol's 65,535.
    const rows = Array.from({ length: 9000 }, (_, i) => [
      `t-${i}`,
      null,
      i,
      null,
      null,
      null,
      null,
      null,
    ]);
    await insertMany(client, head, '', rows);

    const { rows: counted } = await client.query(
      'SELECT count(*)::int AS n, sum(n)::bigint AS total FROM rows_under_test',
    );
    expect(counted).toEqual([{ n: 9000, total: String((8999 * 9000) / 2) }]);
  });

  it('refuses a head that is not an insert, and a column the table lacks', async () => {
    await expect(
      insertMany(client, 'UPDATE rows_under_test', '', [['a']]),
    ).rejects.toThrow('not an INSERT head');
    await expect(
      insertMany(client, 'INSERT INTO rows_under_test (id, colour)', '', [
        ['a', 'red'],
      ]),
    ).rejects.toThrow('no scalar column rows_under_test.colour');
  });
});
