import type { StationFaultEventType } from './station-fault.events';

/**
 * The reporter's name and phone (4.1) are the process's personal data:
 * stored encrypted with the ticket's key, erased by destroying it.
 */
export const STATION_FAULT_PERSONAL_DATA: Readonly<
  Partial<Record<StationFaultEventType, readonly string[]>>
> = {
  'station-fault.call-received': ['reporter.name', 'reporter.phone'],
};
