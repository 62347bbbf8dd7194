/** The repair order's process id: its streams and its transition table. */
export const REPAIR_ORDER_PROCESS_ID = 'repair-order';
