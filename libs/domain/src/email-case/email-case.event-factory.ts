import { eventFactory } from '../shared';
import type { EmailCaseEvent } from './email-case.events';

export const EMAIL_CASE_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const emailCaseEvent = eventFactory<EmailCaseEvent>(
  EMAIL_CASE_SCHEMA_VERSION,
);
