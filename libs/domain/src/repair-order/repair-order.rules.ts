/** The shop's numbers, from configuration (see the wiring). */
export interface RepairOrderRules {
  /** A repair of the same plate delivered this many days ago is a comeback. */
  comebackDays: number;
  /** How long a delivered repair is under the shop's warranty. */
  warrantyDays: number;
}

export const DEFAULT_REPAIR_ORDER_RULES: RepairOrderRules = {
  comebackDays: 30,
  warrantyDays: 90,
};

/** The customer is asked to confirm this long before the appointment. */
export const CONFIRMATION_LEAD_MS = 60 * 60 * 1000;
