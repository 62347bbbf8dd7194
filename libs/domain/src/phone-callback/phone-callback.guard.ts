import { shanghaiDayOf } from '../deadlines/shanghai-time';
import {
  authoriseByTable,
  TicketNotInStateError,
  type DecisionContext,
} from '../shared';
import type { PhoneCallbackCommand } from './phone-callback.commands';
import { CallbackAttemptsExhaustedError } from './phone-callback.errors';
import {
  CALLBACK_RULES,
  type PhoneCallbackState,
} from './phone-callback.state';
import {
  PHONE_CALLBACK_TRANSITIONS,
  type PhoneCallbackTransition,
} from './phone-callback.transitions';

/**
 * Everything about a command but its data, by the transition table: the
 * call-back exists (for the actor's subsidiary), the role may issue it,
 * the state allows it. A call after the last allowed one is refused as
 * such, not as a call in the wrong state.
 */
export function authorisePhoneCallbackCommand(
  command: PhoneCallbackCommand,
  state: PhoneCallbackState,
  context: DecisionContext,
): PhoneCallbackTransition {
  try {
    return authoriseByTable(
      'phone-callback',
      PHONE_CALLBACK_TRANSITIONS,
      command,
      state,
      context,
    );
  } catch (error) {
    const failed = state.attempts.filter((a) => a.outcome !== 'answered');
    if (
      error instanceof TicketNotInStateError &&
      command.type === 'RecordCallAttempt' &&
      failed.length >= CALLBACK_RULES.maxAttempts
    ) {
      throw new CallbackAttemptsExhaustedError(
        command.ticketId,
        failed.length,
        CALLBACK_RULES.maxAttempts,
        shanghaiDayOf(Date.parse(failed[0].at)),
      );
    }
    throw error;
  }
}
