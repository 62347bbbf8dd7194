import type { StationFaultState } from '@opsdesk/domain';
import { deterministicUuid } from '@opsdesk/platform';
import type { CommandEnvelope, HandoffJob } from '../queues/jobs';
import type { AutomaticWork } from './automatic-work';

/** Chooses an inspector for a region; null when nobody is on duty. */
export interface InspectorPicker {
  pick(regionalPlatformId: string): Promise<{
    inspectorId: string;
    ruleVersion: string;
    inputs: Record<string, unknown>;
  } | null>;
}

export interface StationFaultAutomationOptions {
  routingMode: 'automatic' | 'manual';
  assignmentMode: 'automatic' | 'manual';
  inspectors: InspectorPicker;
}

export const ROUTING_RULE_VERSION = 'station-region/v1';

/**
 * Station-fault automation: 4.3 routing by the station's region, 4.4
 * assignment to an on-duty inspector, and gap G-d (a cleared fault still
 * reaches the centre, sent on by the platform).
 */
export function stationFaultAutomation(
  options: StationFaultAutomationOptions,
): AutomaticWork {
  return {
    roles: ['dispatch-manager', 'regional-platform'],
    next: (job, state) => nextStep(options, job, state as StationFaultState),
  };
}

async function nextStep(
  options: StationFaultAutomationOptions,
  job: HandoffJob,
  state: StationFaultState,
): Promise<CommandEnvelope | null> {
  if (
    job.toRole === 'dispatch-manager' &&
    state.status === 'AWAITING_DISPATCH'
  ) {
    if (options.routingMode !== 'automatic' || !state.station) return null;
    return automatic(job, 'DispatchToRegion', {
      regionalPlatformId: state.station.regionId,
      decision: {
        mode: 'automatic',
        ruleVersion: ROUTING_RULE_VERSION,
        inputs: {
          stationId: state.station.id,
          district: state.station.district,
          street: state.station.street,
          regionId: state.station.regionId,
        },
      },
    });
  }
  if (
    job.toRole === 'regional-platform' &&
    state.status === 'AT_REGIONAL_PLATFORM'
  ) {
    if (options.assignmentMode !== 'automatic' || !state.regionalPlatformId) {
      return null;
    }
    const choice = await options.inspectors.pick(state.regionalPlatformId);
    if (!choice) return null;
    return automatic(job, 'AssignInspection', {
      inspectorId: choice.inspectorId,
      decision: {
        mode: 'automatic',
        ruleVersion: choice.ruleVersion,
        inputs: choice.inputs,
      },
    });
  }
  if (
    job.toRole === 'regional-platform' &&
    state.status === 'RESOLVED_BY_INSPECTION'
  ) {
    return automatic(job, 'NotifyCustomerService', {
      resultSummary: state.lastResult ?? '巡检现场已排除故障',
    });
  }
  return null;
}

function automatic(
  job: HandoffJob,
  type: string,
  payload: Record<string, unknown>,
): CommandEnvelope {
  return {
    // Derived from the causing event: a redelivered hand-off issues the
    // same command id, which the store recognises and ignores.
    commandId: deterministicUuid(`auto:${job.eventId}:${type}`),
    processId: job.processId,
    ticketId: job.ticketId,
    type,
    payload,
    actor: { id: `auto:${job.toRole}`, role: job.toRole, kind: 'automatic' },
    correlationId: job.correlationId,
    causationId: job.eventId,
    issuedAt: new Date().toISOString(),
  };
}
