import type {
  EscalateFault,
  EscalateToAssistantGm,
  ResolveEscalation,
} from './vehicle-repair.commands';
import { vehicleRepairEvent as event } from './vehicle-repair.event-factory';
import type { VehicleRepairEvent } from './vehicle-repair.events';
import { payloadChecks } from './vehicle-repair.payload-checks';
import type { VehicleRepairState } from './vehicle-repair.state';

const ESCALATED_CLASSES = ['difficult', 'major'] as const;

/** G3 3: the technician finds the fault harder than diagnosed. */
export function decideEscalateFault(
  command: EscalateFault,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.oneOf('payload.faultClass', p.faultClass, ESCALATED_CLASSES);
    checks.nonBlank('payload.reason', p.reason);
  }
  checks.throwIfAny(command.type);

  const { faultClass, reason } = command.payload;
  return [
    event('vehicle-repair.escalated-to-after-sales', {
      stage: 'repair',
      faultClass,
      reason,
    }),
  ];
}

/** G3 3: after-sales asks the general manager's assistant for support. */
export function decideEscalateToGm(
  command: EscalateToAssistantGm,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.reason', p.reason);
  checks.throwIfAny(command.type);

  return [
    event('vehicle-repair.escalated-to-assistant-gm', {
      reason: command.payload.reason,
    }),
  ];
}

/**
 * The support is given: a case escalated at diagnosis goes on to its
 * quote (the diagnosis's estimate), one escalated while repairing goes
 * back to the technician.
 */
export function decideResolveEscalation(
  command: ResolveEscalation,
  state: VehicleRepairState,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.guidance', p.guidance);
  checks.throwIfAny(command.type);

  const { guidance } = command.payload;
  if (state.escalatedFrom === 'repair') {
    return [
      event('vehicle-repair.escalation-resolved', {
        guidance,
        resumes: 'repair',
      }),
    ];
  }
  return [
    event('vehicle-repair.escalation-resolved', { guidance, resumes: 'quote' }),
    event('vehicle-repair.quote-issued', {
      quoteFen: state.quoteFen as number,
      awaiting: state.payer ?? 'member',
    }),
  ];
}
