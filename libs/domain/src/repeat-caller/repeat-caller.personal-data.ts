import type { RepeatCallerEventType } from './repeat-caller.events';

/**
 * The caller's phone and name are sealed in the log. Repeats match on
 * `callerKeys` (keyed hashes), which reveal neither.
 * TODO(#11): erasing a caller erases the phone but leaves the keys, a
 * pseudonym that still ties the caller's calls together; erasure should
 * drop them from the read model too.
 */
export const REPEAT_CALLER_PERSONAL_DATA: Readonly<
  Partial<Record<RepeatCallerEventType, readonly string[]>>
> = {
  'repeat-caller.call-recorded': ['caller.phone', 'caller.name'],
};
