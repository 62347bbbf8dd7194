import { stationFaultProcess } from './station-fault';

/** Every process the engine runs, by process id (the stream prefix). */
export const PROCESSES = {
  [stationFaultProcess.processId]: stationFaultProcess,
} as const;

export type ProcessId = keyof typeof PROCESSES;
export type AnyProcessDefinition = (typeof PROCESSES)[ProcessId];

/**
 * The process a stream belongs to, from its name `<processId>-<ticketId>`.
 * Ticket ids contain hyphens and one process id may prefix another, so
 * the longest matching id wins.
 */
export function processOfStream(
  streamName: string,
): AnyProcessDefinition | undefined {
  let found: AnyProcessDefinition | undefined;
  for (const process of Object.values(PROCESSES)) {
    const prefix = `${process.processId}-`;
    const longer =
      found === undefined || process.processId.length > found.processId.length;
    if (
      streamName.startsWith(prefix) &&
      streamName.length > prefix.length &&
      longer
    ) {
      found = process;
    }
  }
  return found;
}
