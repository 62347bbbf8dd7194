import type { TableState } from '../shared';
import type {
  EmergencyCallbackOutcome,
  FaultType,
  TicketRef,
} from './centre-emergency.events';
import type { CentreEmergencyStatus } from './centre-emergency.states';

/** A request written down by hand, and whether it became a task. */
export interface HandwrittenEntry {
  entryId: string;
  backfilled: boolean;
  ticket?: TicketRef;
}

export interface MissedCall {
  callId: string;
  outcome?: EmergencyCallbackOutcome;
}

/**
 * An emergency as folded from its events. Customers' phone numbers stay
 * in the (encrypted) events: the fold keeps only ids and progress.
 */
export interface CentreEmergencyState extends TableState<CentreEmergencyStatus> {
  ticketNumber?: string;
  faultType?: FaultType;
  advanceNotice?: boolean;
  detectedAt?: string;
  description?: string;
  eta?: string;
  managers?: string[];
  tianrunReported?: boolean;
  reportedToCsManager?: boolean;
  resolvedAt?: string;
  deferredHandled?: number;
  handwritten: HandwrittenEntry[];
  missedCalls: MissedCall[];
  linkedTickets: (TicketRef & { ticketNumber?: string })[];
}

export const initialCentreEmergencyState: CentreEmergencyState = {
  status: 'NEW',
  handwritten: [],
  missedCalls: [],
  linkedTickets: [],
};
