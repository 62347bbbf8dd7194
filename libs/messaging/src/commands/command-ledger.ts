import { prepared, TurnBatcher } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { CommandOutcome } from './command-outcome';

/**
 * Each column as an array, so one prepared statement takes any number of
 * outcomes (a tuple of placeholders per row made a new text per count).
 */
const RECORD_OUTCOMES = prepared(
  `INSERT INTO command_outcomes
     (command_id, process_id, ticket_id, status, http_status, answer)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                        $5::int[], $6::jsonb[])
   ON CONFLICT (command_id) DO UPDATE
     SET status = EXCLUDED.status, http_status = EXCLUDED.http_status,
         answer = EXCLUDED.answer, recorded_at = now()`,
);

/**
 * Remembers what each command did, so the API can answer a status query
 * or a repeated request. The log stays the truth for accepted commands;
 * this table is the only record of a rejection. Outcomes recorded
 * together (many workers finishing at once) go in one statement.
 */
export class CommandLedger {
  private readonly writes: TurnBatcher<CommandOutcome, void>;

  constructor(private readonly pool: Pool) {
    this.writes = new TurnBatcher((outcomes) => this.write(outcomes), {
      maxSize: 200,
      maxRuns: 2,
      // One row per command in a statement (ON CONFLICT DO UPDATE).
      canJoin: (taken, outcome) =>
        taken.every((t) => t.commandId !== outcome.commandId),
    });
  }

  record(outcome: CommandOutcome): Promise<void> {
    return this.writes.submit(outcome);
  }

  private async write(outcomes: CommandOutcome[]): Promise<void[]> {
    await this.pool.query(
      RECORD_OUTCOMES([
        outcomes.map((o) => o.commandId),
        outcomes.map((o) => o.processId),
        outcomes.map((o) => o.ticketId),
        outcomes.map((o) => o.status),
        outcomes.map((o) => (o.status === 'accepted' ? 200 : o.httpStatus)),
        outcomes.map((o) => JSON.stringify(o)),
      ]),
    );
    return outcomes.map(() => undefined);
  }

  async find(commandId: string): Promise<CommandOutcome | null> {
    const { rows } = await this.pool.query<{ answer: CommandOutcome }>(
      'SELECT answer FROM command_outcomes WHERE command_id = $1',
      [commandId],
    );
    return rows[0]?.answer ?? null;
  }
}
