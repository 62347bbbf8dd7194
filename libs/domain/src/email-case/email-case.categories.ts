/**
 * The four kinds of mail of the OR gateway of 邮件客服岗位工作流程: an ordinary
 * question, one that cannot be answered directly, another department's
 * question, and a special (sensitive) one.
 */
export const MAIL_CATEGORIES = [
  'ordinary',
  'not-directly-answerable',
  'other-department',
  'sensitive',
] as const;

export type MailCategory = (typeof MAIL_CATEGORIES)[number];
