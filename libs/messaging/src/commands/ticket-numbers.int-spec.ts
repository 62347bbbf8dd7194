import { runMigrations } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { messagingMigrations } from '../messaging.migrations';
import { TicketNumberAllocator } from './ticket-numbers';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('numbers');
  await runMigrations(db.pool, db.schema, messagingMigrations);
});

afterAll(async () => {
  await db.drop();
});

// 10:00 on 4 December 2026 in Shanghai, and 00:30 the next day there.
const DAY = new Date('2026-12-04T02:00:00Z');
const NEXT_DAY = new Date('2026-12-04T16:30:00Z');

describe('ticket numbers asked for at once', () => {
  it('are consecutive and never repeat, per prefix and Shanghai day', async () => {
    const numbers = new TicketNumberAllocator(db.pool);
    const asked = [
      ...Array.from({ length: 30 }, () => numbers.next('SF', DAY)),
      ...Array.from({ length: 5 }, () => numbers.next('FW', DAY)),
      ...Array.from({ length: 3 }, () => numbers.next('SF', NEXT_DAY)),
    ];

    const given = await Promise.all(asked);

    const sf = given.filter((n) => n.startsWith('SF-20261204-'));
    expect(sf.sort()).toEqual(
      Array.from(
        { length: 30 },
        (_, i) => `SF-20261204-${String(i + 1).padStart(4, '0')}`,
      ),
    );
    expect(given.filter((n) => n.startsWith('FW-'))).toEqual([
      'FW-20261204-0001',
      'FW-20261204-0002',
      'FW-20261204-0003',
      'FW-20261204-0004',
      'FW-20261204-0005',
    ]);
    expect(given.filter((n) => n.startsWith('SF-20261205-'))).toEqual([
      'SF-20261205-0001',
      'SF-20261205-0002',
      'SF-20261205-0003',
    ]);
  });

  it('go on from the last number given by another allocator', async () => {
    const first = new TicketNumberAllocator(db.pool);
    const second = new TicketNumberAllocator(db.pool);
    const at = new Date('2026-12-06T02:00:00Z');

    const mine = await Promise.all([
      first.next('IV', at),
      first.next('IV', at),
    ]);
    const theirs = await second.next('IV', at);

    expect(mine).toEqual(['IV-20261206-0001', 'IV-20261206-0002']);
    expect(theirs).toBe('IV-20261206-0003');
  });
});
