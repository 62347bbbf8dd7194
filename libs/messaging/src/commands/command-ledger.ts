import { TurnBatcher } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { CommandOutcome } from './command-outcome';

const COLUMNS = 6;

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
    const parameters: unknown[] = [];
    const tuples = outcomes.map((outcome, index) => {
      parameters.push(
        outcome.commandId,
        outcome.processId,
        outcome.ticketId,
        outcome.status,
        outcome.status === 'accepted' ? 200 : outcome.httpStatus,
        JSON.stringify(outcome),
      );
      const first = index * COLUMNS;
      const placeholders = Array.from(
        { length: COLUMNS },
        (_, column) => `$${first + column + 1}`,
      );
      return `(${placeholders.join(', ')})`;
    });
    await this.pool.query(
      `INSERT INTO command_outcomes
         (command_id, process_id, ticket_id, status, http_status, answer)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (command_id) DO UPDATE
         SET status = EXCLUDED.status, http_status = EXCLUDED.http_status,
             answer = EXCLUDED.answer, recorded_at = now()`,
      parameters,
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
