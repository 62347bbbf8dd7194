import { withoutFields } from '@opsdesk/platform';
import type { PoolClient } from 'pg';
import { describeState, entrySummary } from './process-tickets.rows';
import type { ProcessReadModelSpec } from './process-tickets.spec-type';
import type { ProcessTicketTables } from './process-tickets.tables';

type Data = Record<string, unknown>;

/**
 * One ticket's personal data out of its process's three tables, as a
 * rebuild after the erasure would leave them: the fold's copy
 * (`personalState`) and the events' own (`personalData`) go, and the
 * headline, facts and timeline lines are made again without them. Rows
 * are locked as a projection's page locks them, ticket row first.
 */
export async function eraseTicketPersonalData(
  client: PoolClient,
  spec: ProcessReadModelSpec,
  tables: ProcessTicketTables,
  ticketId: string,
): Promise<void> {
  const { personalData = {}, personalState = [] } = spec.definition;
  const { rows: tickets } = await client.query<{ state: Data }>(
    `SELECT state FROM ${tables.tickets} WHERE ticket_id = $1 FOR UPDATE`,
    [ticketId],
  );
  for (const row of tickets) {
    const state = withoutFields(row.state, personalState) as Data & {
      status: string;
    };
    const { headline, facts } = describeState(spec, state);
    await client.query(
      `UPDATE ${tables.tickets}
          SET state = $2, headline = $3, outcome = $4, amount_fen = $5,
              facts = $6
        WHERE ticket_id = $1`,
      [
        ticketId,
        JSON.stringify(state),
        headline,
        facts.outcome,
        facts.amountFen,
        JSON.stringify(facts.facts),
      ],
    );
    await client.query(
      `UPDATE ${tables.inbox} SET headline = $2 WHERE ticket_id = $1`,
      [ticketId, headline],
    );
  }

  const paths = personalData as Readonly<Record<string, readonly string[]>>;
  const { rows: entries } = await client.query<{
    revision: number;
    type: string;
    data: Data;
  }>(
    `SELECT revision, type, data FROM ${tables.timeline}
      WHERE ticket_id = $1 AND type = ANY($2::text[]) FOR UPDATE`,
    [ticketId, Object.keys(paths)],
  );
  for (const entry of entries) {
    const data = withoutFields(entry.data, paths[entry.type] ?? []);
    // The timeline keeps no schema version; the summaries go by type
    // and data.
    const summary = entrySummary(spec, {
      type: entry.type,
      schemaVersion: 1,
      data,
    });
    await client.query(
      `UPDATE ${tables.timeline} SET data = $3, summary_zh = $4
        WHERE ticket_id = $1 AND revision = $2`,
      [ticketId, entry.revision, JSON.stringify(data), summary],
    );
  }
}
