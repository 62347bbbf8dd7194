import type { Custody } from '../shared';
import type { EmailCaseState } from './email-case.state';

/** Who holds the case: the role whose move it is. */
export function emailCaseCustody(state: EmailCaseState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'CLOSED':
      return { role: null };
    case 'MAIL_RECEIVED':
    case 'ORDINARY_QUESTION':
    case 'NOT_DIRECTLY_ANSWERABLE':
    case 'IN_PROGRESS':
    case 'FOLLOW_UP_LABELLED':
    case 'FOR_OTHER_DEPARTMENT':
    case 'REPLY_GUIDED':
      return { role: 'cs-email-specialist' };
    // TODO(#11): the supervisor on duty (当班主管) by the shift roster; for
    // now the case waits for any supervisor of the subsidiary.
    case 'WITH_SUPERVISOR':
      return { role: 'cs-supervisor' };
    case 'WITH_DEPARTMENT':
      return { role: 'related-department' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown email-case status: ${String(unknown)}`);
    }
  }
}
