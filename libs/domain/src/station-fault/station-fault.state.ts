import type { Priority } from '../deadlines/deadline-policy.types';
import type { FaultCategory } from './station-fault.category';
import type { StationFaultStatus } from './station-fault.states';
import type {
  ContactOutcome,
  FinalStatus,
  Reporter,
  StationSnapshot,
} from './station-fault.events';

/** A station fault ticket as folded from its events. */
export interface StationFaultState {
  status: StationFaultStatus;
  ticketNumber?: string;
  reporter?: Reporter;
  callTime?: string;
  station?: StationSnapshot;
  faultDescription?: string;
  suspectedChargingPile?: boolean;
  chargingPileId?: string;
  category?: FaultCategory;
  regionalPlatformId?: string;
  inspectorId?: string;
  /** How many times an inspector was sent; the first visit counts as 1. */
  inspectionVisits: number;
  opsTeamId?: string;
  isChargingPileIssue?: boolean;
  supplierId?: string;
  repairTicketId?: string;
  /** Who did the last on-site handling, for the final status. */
  handledBy?: 'supplier' | 'ops-team';
  lastResult?: string;
  finalStatus?: FinalStatus;
  /** What the centre was told (result-notified-to-customer-service). */
  resultSummary?: string;
  /** Whether the centre reached the reporter (gap G-c). */
  contactOutcome?: ContactOutcome;
  closedAt?: string;
  /** Absent means normal; a deadline breach may raise it. */
  priority?: Priority;
}

export const initialStationFaultState: StationFaultState = {
  status: 'NEW',
  inspectionVisits: 0,
};

/**
 * Which role tells the centre the result: P20 names the station manager
 * in its procedure (4.11) and the operations team in its duties (3.5).
 */
export interface StationFaultConfig {
  resultNotifier: 'station-manager' | 'station-ops-team';
}

export const defaultStationFaultConfig: StationFaultConfig = {
  resultNotifier: 'station-manager',
};
