import { createHmac } from 'node:crypto';
import {
  DEFAULT_REPEAT_CALL_RULES,
  REPEAT_CALLER_PROCESS_ID,
  repeatCallerProcess,
  type RepeatCallRules,
} from '@opsdesk/domain';
import type { CommandPreparer } from '@opsdesk/messaging';
import { ConfigError } from '@opsdesk/platform';
import { earlierCallsOf } from '@opsdesk/read-models';
import type { ProcessWiring } from './process-wirings';

const MIN_MATCH_KEY_LENGTH = 32;

function wholeAtLeast(
  env: NodeJS.ProcessEnv,
  name: string,
  min: number,
  fallback: number,
): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}`);
  }
  return parsed;
}

/**
 * `REPEAT_CALL_WINDOW_HOURS` (72) and `REPEAT_CALL_THRESHOLD` (3, this
 * call included): 重复来电类敏感问题上报流程 gives neither.
 */
export function repeatCallRulesFrom(env: NodeJS.ProcessEnv): RepeatCallRules {
  const d = DEFAULT_REPEAT_CALL_RULES;
  return {
    windowHours: wholeAtLeast(
      env,
      'REPEAT_CALL_WINDOW_HOURS',
      1,
      d.windowHours,
    ),
    threshold: wholeAtLeast(env, 'REPEAT_CALL_THRESHOLD', 2, d.threshold),
  };
}

/**
 * `REPEAT_CALL_MATCH_KEY`, the key of the caller hashes (32 characters
 * or more). Without it the hashes are keyed by a fixed label: they still
 * keep the phone out of the read model, but a phone number is short
 * enough to be guessed back from an unkeyed hash.
 * TODO(#11): require the key outside development, as AUTH_SIGNING_KEY is.
 * Changing the key starts the repeat count afresh: old calls no longer
 * match new ones.
 */
export function repeatCallMatchKey(env: NodeJS.ProcessEnv): string {
  const key = env.REPEAT_CALL_MATCH_KEY || undefined;
  if (key !== undefined && key.length < MIN_MATCH_KEY_LENGTH) {
    throw new ConfigError(
      `REPEAT_CALL_MATCH_KEY must be at least ${MIN_MATCH_KEY_LENGTH} characters (e.g. openssl rand -hex 32)`,
    );
  }
  return key ?? 'opsdesk:repeat-caller:unkeyed';
}

/**
 * The digits of a phone number, without a leading China country code:
 * `+86 138-0013-8000`, `0086 13800138000` and `１３８００１３８０００`
 * (full width) are one caller.
 */
export function normalisedPhone(phone: string): string {
  const digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) return digits.slice(4);
  if (digits.startsWith('86') && digits.length === 13) return digits.slice(2);
  return digits;
}

function keyed(matchKey: string, kind: string, value: string): string {
  const mac = createHmac('sha256', matchKey)
    .update(`${kind}:${value}`)
    .digest('hex');
  return `${kind}:${mac.slice(0, 32)}`;
}

/**
 * What repeats match on: a keyed hash of the normalised phone and one of
 * the member id, whichever the call has. Anything malformed is left out;
 * the decider refuses the call for it.
 */
export function callerKeysOf(
  payload: Record<string, unknown>,
  matchKey: string,
): string[] {
  const keys: string[] = [];
  const caller = payload.caller as { phone?: unknown } | undefined;
  const phone =
    caller && typeof caller.phone === 'string'
      ? normalisedPhone(caller.phone)
      : '';
  if (phone.length > 0) keys.push(keyed(matchKey, 'phone', phone));
  const member =
    typeof payload.memberId === 'string'
      ? payload.memberId.normalize('NFKC').trim().toUpperCase()
      : '';
  if (member.length > 0) keys.push(keyed(matchKey, 'member', member));
  return keys;
}

/**
 * 重复来电类敏感问题上报: `RC-20261204-0042` numbers, the
 * caller keys and the earlier calls of the same caller, all filled in
 * before the decision whatever the client sent.
 */
export const repeatCallerWiring: ProcessWiring = {
  register: (catalog) =>
    catalog.register(repeatCallerProcess, repeatCallRulesFrom(process.env)),
  preparers: ({ numbers, pool }) => {
    const matchKey = repeatCallMatchKey(process.env);
    const recordCall: CommandPreparer = async (command) => {
      const callerKeys = callerKeysOf(command.payload, matchKey);
      const earlierCalls = await earlierCallsOf(pool, {
        ticketId: command.ticketId,
        callerKeys,
        subsidiaryId: command.actor.subsidiary,
      });
      return {
        ...command,
        payload: {
          ...command.payload,
          ticketNumber: await numbers.next('RC', new Date(command.issuedAt)),
          callerKeys,
          earlierCalls,
        },
      };
    };
    return [[`${REPEAT_CALLER_PROCESS_ID}/RecordCall`, recordCall]];
  },
};
