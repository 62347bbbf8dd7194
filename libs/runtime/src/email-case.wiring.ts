import {
  EMAIL_CASE_PROCESS_ID,
  emailCaseProcess,
  type EmailCaseState,
  type OlderUntriagedMail,
} from '@opsdesk/domain';
import type { CommandPreparer } from '@opsdesk/messaging';
import { processTicketTables } from '@opsdesk/read-models';
import type { Pool } from 'pg';
import type { ProcessWiring } from './process-wirings';

const TICKETS = processTicketTables('email_case').tickets;

/**
 * The untriaged mails of the same subsidiary received before this one,
 * oldest first, from the read model. It lags the log by a moment, so a
 * mail received a breath earlier may not be seen yet: the rule keeps the
 * order of the inbox, it is not a lock.
 */
export async function olderUntriagedMails(
  pool: Pool,
  ticketId: string,
  state: EmailCaseState,
): Promise<OlderUntriagedMail[]> {
  if (state.status !== 'MAIL_RECEIVED' || !state.receivedAt) return [];
  const { rows } = await pool.query<{
    ticket_id: string;
    ticket_number: string | null;
    received_at: string;
  }>(
    `SELECT ticket_id, ticket_number, state->>'receivedAt' AS received_at
       FROM ${TICKETS}
      WHERE status = 'MAIL_RECEIVED'
        AND ticket_id <> $1
        AND subsidiary_id IS NOT DISTINCT FROM $2
        AND ((state->>'receivedAt')::timestamptz, ticket_id)
            < ($3::timestamptz, $1)
      ORDER BY (state->>'receivedAt')::timestamptz, ticket_id
      LIMIT 5`,
    [ticketId, state.subsidiaryId ?? null, state.receivedAt],
  );
  return rows.map((row) => ({
    ticketId: row.ticket_id,
    ...(row.ticket_number ? { ticketNumber: row.ticket_number } : {}),
    receivedAt: new Date(row.received_at).toISOString(),
  }));
}

/** 邮件客服: `EM-20261204-0042` numbers and the triage order. */
export const emailCaseWiring: ProcessWiring = {
  register: (catalog) => catalog.register(emailCaseProcess, undefined),
  preparers: ({ numbers, pool }) => {
    const receive: CommandPreparer = async (command) => ({
      ...command,
      payload: {
        ...command.payload,
        ticketNumber: await numbers.next('EM', new Date(command.issuedAt)),
      },
    });
    // Whatever the caller sent, the older mails come from the cases.
    const triage: CommandPreparer = async (command, state) => ({
      ...command,
      payload: {
        ...command.payload,
        olderUntriaged: await olderUntriagedMails(
          pool,
          command.ticketId,
          state as EmailCaseState,
        ),
      },
    });
    return [
      [`${EMAIL_CASE_PROCESS_ID}/ReceiveMail`, receive],
      [`${EMAIL_CASE_PROCESS_ID}/TriageMail`, triage],
    ];
  },
};
