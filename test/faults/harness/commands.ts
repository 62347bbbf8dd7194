import type { StationFaultState } from '@opsdesk/domain';
import type { CommandEnvelope } from '@opsdesk/messaging';
import type { Roster } from '@opsdesk/stations';
import { nextPersonStep, type TicketPlan } from './ticket-plans';

/** A plan's first step (the phone agent's intake) as a queue command. */
export function intakeCommand(
  plan: TicketPlan,
  roster: Roster,
): { role: 'cs-phone-agent'; command: CommandEnvelope } {
  const state = { status: 'NEW', inspectionVisits: 0 } as StationFaultState;
  const step = nextPersonStep(
    plan,
    { state, revision: -1, seen: new Map() },
    roster,
  );
  if (!step) throw new Error('a new ticket always has an intake step');
  return {
    role: 'cs-phone-agent',
    command: {
      commandId: step.commandId,
      processId: 'station-fault',
      ticketId: plan.ticketId,
      type: step.type,
      payload: step.payload,
      actor: step.actor,
      correlationId: plan.ticketId,
      causationId: step.commandId,
      issuedAt: new Date().toISOString(),
    },
  };
}
