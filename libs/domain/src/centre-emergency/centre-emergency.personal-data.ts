import type { CentreEmergencyEventType } from './centre-emergency.events';

/** Customers' and callers' phones and names are personal data. */
export const CENTRE_EMERGENCY_PERSONAL_DATA: Readonly<
  Partial<Record<CentreEmergencyEventType, readonly string[]>>
> = {
  'centre-emergency.handwritten-request-recorded': [
    'customer.phone',
    'customer.name',
  ],
  'centre-emergency.missed-call-recorded': ['caller.phone'],
};
