import type { WorkingCalendar } from '../deadlines/working-calendar.port';
import type { Fen, TableState } from '../shared';
import type {
  ViolationContactOutcome,
  ViolationRecord,
} from './traffic-violation.events';
import type {
  ViolationSchedule,
  ViolationTimes,
} from './traffic-violation.schedule';
import type { TrafficViolationStatus } from './traffic-violation.states';

export interface TrafficViolationState extends TableState<TrafficViolationStatus> {
  ticketNumber?: string;
  memberId?: string;
  violation?: ViolationRecord;
  schedule?: ViolationSchedule;
  smsSent: number;
  materialsPushed: boolean;
  calls: {
    step: 'reminder' | 'warning' | 'risk';
    outcome: ViolationContactOutcome;
  }[];
  deductionDay?: string;
  deductionDueAt?: string;
  requestedFineFen?: Fen;
  deductedFen?: Fen;
  collectedFen?: Fen;
  receivableCaseId?: string;
}

export const initialTrafficViolationState: TrafficViolationState = {
  status: 'NEW',
  smsSent: 0,
  materialsPushed: false,
  calls: [],
};

/** What the decider needs besides the command: the calendar and the hour. */
export interface TrafficViolationConfig extends ViolationTimes {
  calendar: WorkingCalendar;
}
