import {
  DEADLINE_STEPS,
  deadlinePolicyProcess,
  DEFAULT_DEADLINE_POLICY_NAME,
  isPolicyName,
  phoneCallbackProcess,
} from '@opsdesk/domain';
import type {
  CommandPreparer,
  ProcessCatalog,
  TicketNumberAllocator,
} from '@opsdesk/messaging';
import { ConfigError } from '@opsdesk/platform';
import { optionalInteger } from './worker-settings';

/** The call-back process and the deadline policies, beside the others. */
export function registerDeadlineProcesses(
  catalog: ProcessCatalog,
): ProcessCatalog {
  return catalog
    .register(phoneCallbackProcess, undefined)
    .register(deadlinePolicyProcess, { steps: DEADLINE_STEPS });
}

/** `CB-20261204-0042`: the call-back's number for the phone. */
export function callbackPreparers(
  numbers: TicketNumberAllocator,
): [string, CommandPreparer][] {
  return [
    [
      'phone-callback/OpenCallback',
      async (command) => ({
        ...command,
        payload: {
          ...command.payload,
          ticketNumber: await numbers.next('CB', new Date(command.issuedAt)),
        },
      }),
    ],
  ];
}

export interface DeadlineSettings {
  /** `DEADLINE_POLICY`: the policy every step runs under. */
  policy: string;
  /** `CALLBACK_MODE`: `automatic` opens a call-back for every result. */
  callbackMode: 'automatic' | 'manual';
  /** `TIMER_RECONCILE_INTERVAL_MS`: how often lost timers are looked for. */
  reconcileIntervalMs: number;
}

export function deadlineSettings(
  env: NodeJS.ProcessEnv = process.env,
): DeadlineSettings {
  const policy = env.DEADLINE_POLICY || DEFAULT_DEADLINE_POLICY_NAME;
  if (!isPolicyName(policy)) {
    throw new ConfigError('DEADLINE_POLICY must be a-z, 0-9 and -, 1 to 40');
  }
  const mode = env.CALLBACK_MODE || 'automatic';
  if (mode !== 'automatic' && mode !== 'manual') {
    throw new ConfigError('CALLBACK_MODE must be automatic or manual');
  }
  return {
    policy,
    callbackMode: mode,
    reconcileIntervalMs: Math.max(
      1000,
      optionalInteger('TIMER_RECONCILE_INTERVAL_MS', env) ?? 300_000,
    ),
  };
}
