import type { EmailCaseEventType } from './email-case.events';

/**
 * The sender's address and name are the process's personal data.
 * TODO(#11): the body often repeats a phone number or an order's owner;
 * sealing it too needs the timeline to show it opened for the specialist.
 */
export const EMAIL_CASE_PERSONAL_DATA: Readonly<
  Partial<Record<EmailCaseEventType, readonly string[]>>
> = {
  'email-case.mail-received': ['from.address', 'from.name'],
};
