import { DomainError } from '../shared';
import type { OlderUntriagedMail } from './email-case.commands';

/**
 * Mail is taken in order of receipt (根据收件时间核查新增邮件): this one
 * may not be triaged while an older one still waits.
 */
export class OlderMailUntriagedError extends DomainError {
  readonly code = 'OLDER_MAIL_UNTRIAGED';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly receivedAt: string,
    readonly older: OlderUntriagedMail,
  ) {
    super(
      `Ticket ${ticketId}: mail ${older.ticketId}, received earlier, is still untriaged`,
    );
  }

  details() {
    const { ticketId, receivedAt, older } = this;
    return {
      ticketId,
      receivedAt,
      olderTicketId: older.ticketId,
      olderTicketNumber: older.ticketNumber ?? null,
      olderReceivedAt: older.receivedAt,
    };
  }
}
