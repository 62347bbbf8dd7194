import type { Pool } from 'pg';
import { shanghaiDay } from '@opsdesk/platform';

/**
 * Human ticket numbers for the phone, e.g. `SF-20261204-0042`: a counter
 * per prefix and Shanghai day. A number taken by a command that then
 * fails is not reused, so numbers can have gaps; they never repeat.
 */
export class TicketNumberAllocator {
  constructor(private readonly pool: Pool) {}

  async next(prefix: string, at: Date): Promise<string> {
    const day = shanghaiDay(at).replaceAll('-', '');
    const { rows } = await this.pool.query<{ last_number: number }>(
      `INSERT INTO ticket_number_counters (prefix, day, last_number)
       VALUES ($1, $2, 1)
       ON CONFLICT (prefix, day)
         DO UPDATE SET last_number = ticket_number_counters.last_number + 1
       RETURNING last_number`,
      [prefix, day],
    );
    return `${prefix}-${day}-${String(rows[0].last_number).padStart(4, '0')}`;
  }
}
