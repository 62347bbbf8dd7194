import type { Pool } from 'pg';
import { prepared, shanghaiDay, TurnBatcher } from '@opsdesk/platform';

const TAKE_NUMBERS = prepared(
  `INSERT INTO ticket_number_counters (prefix, day, last_number)
   SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])
   ON CONFLICT (prefix, day) DO UPDATE
     SET last_number = ticket_number_counters.last_number
                       + EXCLUDED.last_number
   RETURNING prefix, day, last_number`,
);

interface Counter {
  prefix: string;
  /** The Shanghai day, `YYYYMMDD`. */
  day: string;
}

/**
 * Human ticket numbers for the phone, e.g. `SF-20261204-0042`: a counter
 * per prefix and Shanghai day. A number taken by a command that then
 * fails is not reused, so numbers can have gaps; they never repeat.
 *
 * Every intake of a day moves the same counter row, so numbers asked for
 * together are taken in one statement: one row lock and one commit for
 * all of them, where each would otherwise wait for the one before.
 */
export class TicketNumberAllocator {
  private readonly batcher: TurnBatcher<Counter, number>;

  constructor(private readonly pool: Pool) {
    this.batcher = new TurnBatcher((counters) => this.take(counters), {
      maxSize: 500,
      maxRuns: 1,
    });
  }

  async next(prefix: string, at: Date): Promise<string> {
    const day = shanghaiDay(at).replaceAll('-', '');
    const number = await this.batcher.submit({ prefix, day });
    return `${prefix}-${day}-${String(number).padStart(4, '0')}`;
  }

  /** Numbers for each request, in order, per counter consecutive. */
  private async take(requests: Counter[]): Promise<number[]> {
    const wanted = new Map<string, Counter & { count: number }>();
    for (const request of requests) {
      const key = `${request.prefix}/${request.day}`;
      const counter = wanted.get(key) ?? { ...request, count: 0 };
      counter.count += 1;
      wanted.set(key, counter);
    }
    const counters = [...wanted.values()];
    const { rows } = await this.pool.query<{
      prefix: string;
      day: string;
      last_number: number;
    }>(
      TAKE_NUMBERS([
        counters.map((c) => c.prefix),
        counters.map((c) => c.day),
        counters.map((c) => c.count),
      ]),
    );
    // Each counter's block ends at its new last number.
    const next = new Map(
      rows.map((row) => {
        const count = wanted.get(`${row.prefix}/${row.day}`)?.count ?? 0;
        return [`${row.prefix}/${row.day}`, row.last_number - count + 1];
      }),
    );
    return requests.map((request) => {
      const key = `${request.prefix}/${request.day}`;
      const number = next.get(key) ?? 0;
      next.set(key, number + 1);
      return number;
    });
  }
}
