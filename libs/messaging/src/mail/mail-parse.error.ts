/** A mail the inbound adapter cannot read; it is set aside, not lost. */
export class MailParseError extends Error {
  readonly code = 'MAIL_UNREADABLE';
}
