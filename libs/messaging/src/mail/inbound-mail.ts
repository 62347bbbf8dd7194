/** A new mail as the inbound adapter read it, before it becomes a case. */
export interface InboundMail {
  /** The Message-ID header, or a digest of the raw mail when it has none. */
  messageId: string;
  from: { address: string; name?: string };
  subject: string;
  /** The plain-text body (the text part of a multipart mail). */
  body: string;
  /** The sender's Date header, ISO-8601 UTC; absent when missing or garbled. */
  sentAt?: string;
  /** When the mailbox received it, ISO-8601 UTC: mail is taken in this order. */
  receivedAt: string;
}

/** One mail waiting in the inbox, with the adapter's handle on it. */
export interface PendingMail {
  /** The adapter's key, e.g. a maildir file name. */
  key: string;
  mail: InboundMail;
}

/**
 * The port for "new mail": a maildir folder in development and tests, an
 * IMAP or SMTP receiver in production. Mail that cannot be read is set
 * aside by the adapter (nothing is deleted) and never listed.
 */
export interface MailInbox {
  /** The mail not yet taken, oldest receipt first. */
  pending(): Promise<PendingMail[]>;
  /** Marks a mail taken, once its case has been asked for. */
  markTaken(mail: PendingMail): Promise<void>;
}
