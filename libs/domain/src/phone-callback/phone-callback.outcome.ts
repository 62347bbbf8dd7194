import type {
  CallbackOutcome,
  PhoneCallbackState,
} from './phone-callback.state';

/**
 * How an event ended the call-back for the ticket it reports on, if it
 * did: satisfied, unreached (once the shift leader has the case; what the
 * leader does next is the call-back's own business), a complaint, still
 * dissatisfied, or not needed. Undefined for every other event.
 */
export function callbackOutcomeReached(
  before: PhoneCallbackState,
  after: PhoneCallbackState,
): CallbackOutcome | undefined {
  return before.outcome === undefined ? after.outcome : undefined;
}
