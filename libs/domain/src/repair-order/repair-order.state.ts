import type { Fen, TableState } from '../shared';
import type {
  BringItem,
  FleetRequest,
  RepairItem,
  RepairKind,
  VehicleFacts,
} from './repair-order.commands';
import type { Appointment } from './repair-order.events';
import type { RepairOrderStatus } from './repair-order.states';

/** One shop visit as folded from its events. */
export interface RepairOrderState extends TableState<RepairOrderStatus> {
  ticketNumber?: string;
  shopCode?: string;
  kind?: RepairKind;
  vehicle?: VehicleFacts;
  symptoms?: string;
  bring?: BringItem[];
  vehicleRepairTicketId?: string;
  fleet?: FleetRequest;
  /** The appointment in force (the last booking); absent for a walk-in. */
  appointment?: Appointment;
  /** The parts the visit needs, kept across rebookings. */
  partsNeeded?: Record<string, number>;
  /** How many bookings this visit has had (a rebooking adds one). */
  bookings: number;
  walkIn: boolean;
  preliminaryDiagnosis?: string;
  comeback?: {
    previousTicketId: string;
    previousTicketNumber: string | null;
    deliveredAt: string;
  };
  openedAt?: string;
  receivedAt?: string;
  receivedBy?: 'repair-shop-receptionist' | 'repair-quick-team';
  authorisedAt?: string;
  items: RepairItem[];
  estimateFen?: Fen;
  promisedAt?: string;
  technicianId?: string;
  workOrderNumber?: string;
  workOrderIssuedAt?: string;
  pendingChange?: { addedItems: RepairItem[]; addedFen: Fen };
  failedInspections: number;
  inspectionPassedAt?: string;
  dispute?: { reason: string; disputedFen: Fen; agreedTotalFen?: Fen };
  settledAt?: string;
  totalFen?: Fen;
  invoiceNo?: string;
  deliveredAt?: string;
  warrantyUntil?: string;
  surveyScore?: number;
  archivedAt?: string;
  stageMinutes?: Record<string, number>;
}

export const initialRepairOrderState: RepairOrderState = {
  status: 'NEW',
  bookings: 0,
  walkIn: false,
  items: [],
  failedInspections: 0,
};

/** Labour and parts of the agreed items, in fen. */
export function agreedItemsFen(state: RepairOrderState): {
  labourFen: Fen;
  partsFen: Fen;
} {
  return state.items.reduce(
    (sum, item) => ({
      labourFen: sum.labourFen + item.labourFen,
      partsFen: sum.partsFen + item.partsFen,
    }),
    { labourFen: 0, partsFen: 0 },
  );
}
