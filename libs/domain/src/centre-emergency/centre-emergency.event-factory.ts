import { eventFactory } from '../shared';
import type { CentreEmergencyEvent } from './centre-emergency.events';

export const CENTRE_EMERGENCY_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const centreEmergencyEvent = eventFactory<CentreEmergencyEvent>(
  CENTRE_EMERGENCY_SCHEMA_VERSION,
);
