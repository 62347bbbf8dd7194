import {
  repairOrderProcess,
  repairPlateKey,
  shopBookProcess,
  yuanLabel,
  type RepairOrderEvent,
  type RepairOrderState,
  type ShopBookEvent,
  type ShopBookState,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import { processTicketTables } from '../process-tickets/process-tickets.tables';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

/** The repair orders' tables, for look-ups across visits (comebacks, statistics). */
export const REPAIR_ORDER_TABLES = processTicketTables('repair_order');

/** A short Chinese line per event; null where the label says it all. */
export function repairOrderSummary(event: RepairOrderEvent): string | null {
  switch (event.type) {
    case 'repair-order.appointment-booked':
      return `${event.data.vehicle.plate} 预约 ${shanghaiTime(event.data.appointment.slotStart)}`;
    case 'repair-order.appointment-rebooked':
      return `改约 ${shanghaiTime(event.data.appointment.slotStart)}`;
    case 'repair-order.confirmation-requested':
      return `预约时间 ${shanghaiTime(event.data.appointmentAt)}`;
    case 'repair-order.walk-in-registered':
      return `${event.data.vehicle.plate}：${event.data.preliminaryDiagnosis}`;
    case 'repair-order.comeback-flagged':
      return `${event.data.daysSinceDelivery} 天前交车（${event.data.previousTicketNumber ?? event.data.previousTicketId}）${event.data.withinWarranty ? '，保修期内' : ''}`;
    case 'repair-order.repair-authorisation-signed':
      return `预估 ${yuanLabel(event.data.estimateFen)}，承诺 ${shanghaiTime(event.data.promisedAt)} 完工`;
    case 'repair-order.work-order-issued':
      return `${event.data.workOrderNumber} 技师 ${event.data.technicianId}`;
    case 'repair-order.repair-progress-reported':
      return event.data.progress;
    case 'repair-order.repair-change-proposed':
      return `${event.data.reason}（增加 ${yuanLabel(event.data.addedFen)}）`;
    case 'repair-order.quality-inspection-passed':
    case 'repair-order.quality-inspection-failed':
      return event.data.findings;
    case 'repair-order.fee-dispute-raised':
      return `${event.data.reason}（争议 ${yuanLabel(event.data.disputedFen)}）`;
    case 'repair-order.fee-dispute-resolved':
      return `${event.data.resolution}，议定 ${yuanLabel(event.data.agreedTotalFen)}`;
    case 'repair-order.repair-costs-settled':
      return `合计 ${yuanLabel(event.data.totalFen)}`;
    case 'repair-order.repair-invoice-issued':
      return `发票 ${event.data.invoiceNo}`;
    case 'repair-order.vehicle-delivered':
      return `保修至 ${shanghaiTime(event.data.warrantyUntil)}`;
    case 'repair-order.satisfaction-surveyed':
      return `满意度 ${event.data.score}/5`;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<RepairOrderState['status'], string>> = {
  AWAITING_REBOOKING: 'awaiting-rebooking',
  DELIVERED: 'delivered',
  ARCHIVED: 'archived',
};

export const repairOrderReadModel: ProcessReadModelSpec = {
  definition: repairOrderProcess,
  tablePrefix: 'repair_order',
  summary: (event) => repairOrderSummary(event as RepairOrderEvent),
  headline: (anyState) => {
    const state = anyState as RepairOrderState;
    return state.vehicle
      ? `${state.vehicle.plate} ${state.vehicle.model}`
      : null;
  },
  report: (anyState) => {
    const state = anyState as RepairOrderState;
    return {
      outcome: OUTCOMES[state.status] ?? null,
      amountFen: state.totalFen ?? null,
      facts: {
        shopCode: state.shopCode ?? null,
        kind: state.kind ?? null,
        plate: state.vehicle?.plate ?? null,
        // The plate as compared across visits (comebacks, statistics).
        plateKey: state.vehicle ? repairPlateKey(state.vehicle.plate) : null,
        walkIn: state.walkIn,
        bookings: state.bookings,
        comeback: state.comeback !== undefined,
        failedInspections: state.failedInspections,
        feeDispute: state.dispute !== undefined,
        deliveredAt: state.deliveredAt ?? null,
        warrantyUntil: state.warrantyUntil ?? null,
        surveyScore: state.surveyScore ?? null,
        stageMinutes: state.stageMinutes ?? null,
      },
    };
  },
};

export function shopBookSummary(event: ShopBookEvent): string | null {
  switch (event.type) {
    case 'repair-shop-book.shop-configured':
      return `${event.data.name}：${event.data.bays} 个工位`;
    case 'repair-shop-book.slot-reserved':
      return `${shanghaiTime(event.data.slotStart)}（${event.data.repairOrderId}）`;
    case 'repair-shop-book.slot-released':
      return event.data.reason;
    default:
      return null;
  }
}

export const shopBookReadModel: ProcessReadModelSpec = {
  definition: shopBookProcess,
  tablePrefix: 'repair_shop_book',
  summary: (event) => shopBookSummary(event as ShopBookEvent),
  headline: (anyState) => (anyState as ShopBookState).name ?? null,
  report: (anyState) => {
    const state = anyState as ShopBookState;
    return {
      outcome: null,
      amountFen: null,
      facts: {
        shopCode: state.shopCode ?? null,
        bays: state.bays,
        reservationsHeld: Object.keys(state.reservations).length,
      },
    };
  },
};
