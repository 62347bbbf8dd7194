import {
  DEADLINE_POLICY_PROCESS_ID,
  type DeadlinePolicyDraft,
} from '@opsdesk/domain';
import { deterministicUuid } from '@opsdesk/platform';
import type { CommandExecutor } from '../commands/command-executor';

/**
 * Publishes `draft` as version 1 of the policy if the policy has no
 * version yet. Several processes starting at once publish it once: the
 * command id is fixed and the append expects an empty stream.
 */
export async function publishPolicyIfNone(
  executor: CommandExecutor,
  name: string,
  draft: DeadlinePolicyDraft,
): Promise<'published' | 'exists'> {
  const commandId = deterministicUuid(`opsdesk-deadline-policy:${name}:first`);
  const outcome = await executor.executeWhen(
    {
      commandId,
      processId: DEADLINE_POLICY_PROCESS_ID,
      ticketId: name,
      type: 'PublishDeadlinePolicy',
      payload: { ...draft },
      actor: { id: 'system:first-start', role: 'system', kind: 'automatic' },
      correlationId: commandId,
      causationId: commandId,
      issuedAt: new Date(0).toISOString(),
    },
    (history) => history.length === 0,
  );
  return outcome && !outcome.duplicate ? 'published' : 'exists';
}
