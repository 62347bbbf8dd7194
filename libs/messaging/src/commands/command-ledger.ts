import type { Pool } from 'pg';
import type { CommandOutcome } from './command-outcome';

/**
 * Remembers what each command did, so the API can answer a status query
 * or a repeated request. The log stays the truth for accepted commands;
 * this table is the only record of a rejection.
 */
export class CommandLedger {
  constructor(private readonly pool: Pool) {}

  async record(outcome: CommandOutcome): Promise<void> {
    const httpStatus = outcome.status === 'accepted' ? 200 : outcome.httpStatus;
    await this.pool.query(
      `INSERT INTO command_outcomes
         (command_id, process_id, ticket_id, status, http_status, answer)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (command_id) DO UPDATE
         SET status = EXCLUDED.status, http_status = EXCLUDED.http_status,
             answer = EXCLUDED.answer, recorded_at = now()`,
      [
        outcome.commandId,
        outcome.processId,
        outcome.ticketId,
        outcome.status,
        httpStatus,
        JSON.stringify(outcome),
      ],
    );
  }

  async find(commandId: string): Promise<CommandOutcome | null> {
    const { rows } = await this.pool.query<{ answer: CommandOutcome }>(
      'SELECT answer FROM command_outcomes WHERE command_id = $1',
      [commandId],
    );
    return rows[0]?.answer ?? null;
  }
}
