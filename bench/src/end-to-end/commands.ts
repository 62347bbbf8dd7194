import type { CommandEnvelope, RoleQueueSet } from '@opsdesk/messaging';
import { uuidv7 } from '@opsdesk/platform';
import type { LifecycleGenerator } from '../fixtures/lifecycles';

const AGENT = {
  id: 'agent-0107',
  role: 'cs-phone-agent' as const,
  kind: 'person' as const,
};

function envelope(
  ticketId: string,
  type: string,
  payload: Record<string, unknown>,
): CommandEnvelope {
  const commandId = uuidv7();
  return {
    commandId,
    processId: 'station-fault',
    ticketId,
    type,
    payload,
    actor: AGENT,
    correlationId: commandId,
    causationId: commandId,
    issuedAt: new Date().toISOString(),
  };
}

/**
 * 4.1 for a new ticket, as the API would enqueue it: the gateway makes up
 * the ticket's id and says so (`opensTicket`); the worker numbers it.
 */
export function intakeCommand(generator: LifecycleGenerator): CommandEnvelope {
  const { ticketNumber: _numberedByTheWorker, ...payload } =
    generator.intakePayload();
  return {
    ...envelope(uuidv7(), 'ReportStationFault', payload),
    opensTicket: true,
  };
}

/** 4.2: routing (4.3) and inspector assignment (4.4) then follow by themselves. */
export function createTaskCommand(ticketId: string): CommandEnvelope {
  return envelope(ticketId, 'CreateFaultTask', { note: '请尽快处理' });
}

/** Enqueues on the agent's queue with `concurrency` adds in flight. */
export async function enqueueAll(
  queues: RoleQueueSet,
  commands: readonly CommandEnvelope[],
  concurrency = 32,
): Promise<void> {
  let next = 0;
  async function adder() {
    while (next < commands.length) {
      const command = commands[next++];
      await queues.addCommand('cs-phone-agent', command);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, adder));
}
