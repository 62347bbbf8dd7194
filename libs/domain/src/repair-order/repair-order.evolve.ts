import type { Appointment, RepairOrderEvent } from './repair-order.events';
import type { RepairOrderState } from './repair-order.state';

/** The fold. Events are facts: nothing here refuses one. */
export function evolveRepairOrder(
  state: RepairOrderState,
  event: RepairOrderEvent,
): RepairOrderState {
  switch (event.type) {
    case 'repair-order.appointment-booked': {
      const d = event.data;
      return {
        ...state,
        status: 'BOOKED',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        shopCode: d.shopCode,
        kind: d.kind,
        vehicle: d.vehicle,
        symptoms: d.symptoms,
        bring: d.bring,
        vehicleRepairTicketId: d.vehicleRepairTicketId,
        appointment: d.appointment,
        partsNeeded: partsOf(d.appointment),
        bookings: 1,
      };
    }
    case 'repair-order.fleet-request-scheduled':
      return { ...state, fleet: event.data };
    case 'repair-order.confirmation-requested':
      return { ...state, status: 'AWAITING_CONFIRMATION' };
    case 'repair-order.appointment-confirmed':
      return { ...state, status: 'CONFIRMED' };
    case 'repair-order.appointment-declined':
    case 'repair-order.confirmation-missed':
    case 'repair-order.shop-could-not-keep-appointment':
      // The slot went back to the book with this event's command.
      return { ...state, status: 'AWAITING_REBOOKING', appointment: undefined };
    case 'repair-order.appointment-rebooked':
      return {
        ...state,
        status: 'BOOKED',
        appointment: event.data.appointment,
        bookings: state.bookings + 1,
      };
    case 'repair-order.walk-in-registered': {
      const d = event.data;
      return {
        ...state,
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        shopCode: d.shopCode,
        kind: d.kind,
        vehicle: d.vehicle,
        symptoms: d.symptoms,
        preliminaryDiagnosis: d.preliminaryDiagnosis,
        vehicleRepairTicketId: d.vehicleRepairTicketId,
        walkIn: true,
      };
    }
    case 'repair-order.vehicle-received':
      return {
        ...state,
        status:
          event.data.by === 'repair-quick-team'
            ? 'QUICK_RECEPTION'
            : 'RECEPTION',
        receivedAt: event.data.receivedAt,
        receivedBy: event.data.by,
      };
    case 'repair-order.comeback-flagged': {
      const { previousTicketId, previousTicketNumber, deliveredAt } =
        event.data;
      return {
        ...state,
        comeback: { previousTicketId, previousTicketNumber, deliveredAt },
      };
    }
    case 'repair-order.vehicle-records-registered':
      return state;
    case 'repair-order.repair-authorisation-signed':
      return {
        ...state,
        status: 'AUTHORISED',
        authorisedAt: event.data.signedAt,
        items: event.data.items,
        estimateFen: event.data.estimateFen,
        promisedAt: event.data.promisedAt,
      };
    case 'repair-order.work-order-issued':
      return {
        ...state,
        status: 'IN_REPAIR',
        technicianId: event.data.technicianId,
        workOrderNumber: event.data.workOrderNumber,
        workOrderIssuedAt: event.data.issuedAt,
      };
    case 'repair-order.repair-progress-reported':
      return state;
    case 'repair-order.repair-change-proposed':
      return {
        ...state,
        status: 'CHANGE_PENDING',
        pendingChange: {
          addedItems: event.data.addedItems,
          addedFen: event.data.addedFen,
        },
      };
    case 'repair-order.repair-change-agreed':
      return {
        ...state,
        status: 'IN_REPAIR',
        items: [...state.items, ...event.data.addedItems],
        pendingChange: undefined,
      };
    case 'repair-order.repair-change-declined':
      return { ...state, status: 'IN_REPAIR', pendingChange: undefined };
    case 'repair-order.self-check-completed':
      return { ...state, status: 'AWAITING_INSPECTION' };
    case 'repair-order.quality-inspection-passed':
      return {
        ...state,
        status: 'AWAITING_SETTLEMENT',
        inspectionPassedAt: event.data.at,
      };
    case 'repair-order.quality-inspection-failed':
      return {
        ...state,
        status: 'IN_REPAIR',
        failedInspections: state.failedInspections + 1,
      };
    case 'repair-order.fee-dispute-raised':
      return {
        ...state,
        status: 'FEE_DISPUTE',
        dispute: {
          reason: event.data.reason,
          disputedFen: event.data.disputedFen,
        },
      };
    case 'repair-order.fee-dispute-resolved':
      return {
        ...state,
        status: 'AWAITING_SETTLEMENT',
        dispute: state.dispute && {
          ...state.dispute,
          agreedTotalFen: event.data.agreedTotalFen,
        },
      };
    case 'repair-order.repair-costs-settled':
      return {
        ...state,
        settledAt: event.data.settledAt,
        totalFen: event.data.totalFen,
      };
    case 'repair-order.repair-invoice-issued':
      return { ...state, status: 'SETTLED', invoiceNo: event.data.invoiceNo };
    case 'repair-order.repair-slip-signed':
      return state;
    case 'repair-order.vehicle-delivered':
      return {
        ...state,
        status: 'DELIVERED',
        deliveredAt: event.data.deliveredAt,
        warrantyUntil: event.data.warrantyUntil,
      };
    case 'repair-order.satisfaction-surveyed':
      return { ...state, surveyScore: event.data.score };
    case 'repair-order.repair-order-archived':
      return {
        ...state,
        status: 'ARCHIVED',
        archivedAt: event.data.archivedAt,
        stageMinutes: event.data.stageMinutes,
      };
    default: {
      // Written by a newer release: refusing to fold beats guessing.
      const unknown: never = event;
      throw new Error(
        `Unknown repair-order event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}

/** What a booking needed: the parts held for it plus those to order. */
function partsOf(appointment: Appointment): Record<string, number> {
  const needed: Record<string, number> = { ...appointment.partsReserved };
  for (const [part, count] of Object.entries(appointment.partsToOrder)) {
    needed[part] = (needed[part] ?? 0) + count;
  }
  return needed;
}
