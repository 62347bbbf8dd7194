import {
  isRoleId,
  PROCESS_TRANSITIONS,
  PROCESSES,
  processOfStream,
  ROLES,
  type DomainCommand,
  type DomainEvent,
  type Label,
  type ProcessDefinition,
  type StateMachineRule,
} from '@opsdesk/domain';

/**
 * Any registered process, seen through the shape every process shares:
 * the tool is written once against it, so a process added to the
 * registry is audited without a change here.
 */
export type AuditedProcess = ProcessDefinition<
  { status: string },
  DomainCommand,
  DomainEvent
>;

export function registeredProcesses(): AuditedProcess[] {
  return Object.values(PROCESSES) as unknown as AuditedProcess[];
}

export function processOf(streamName: string): AuditedProcess | undefined {
  return processOfStream(streamName) as unknown as AuditedProcess | undefined;
}

/** The process's transition table, if it registered one. */
export function transitionsOf(
  process: AuditedProcess,
): readonly StateMachineRule[] | undefined {
  const tables = PROCESS_TRANSITIONS as Readonly<
    Record<string, readonly StateMachineRule[] | undefined>
  >;
  return tables[process.processId];
}

/** `station-fault-<ticketId>` → `<ticketId>`. */
export function ticketIdOf(process: AuditedProcess, streamName: string) {
  return streamName.slice(process.processId.length + 1);
}

/** A type the process does not know is shown under its own name. */
export function eventLabel(
  process: AuditedProcess | undefined,
  type: string,
): Label {
  const labels = process?.eventLabels as Record<string, Label> | undefined;
  return labels?.[type] ?? { zh: type, en: type };
}

export function stateLabel(process: AuditedProcess, status: string): Label {
  const labels = process.stateLabels as Record<string, Label>;
  return labels[status] ?? { zh: status, en: status };
}

export function roleLabel(role: string | null | undefined): Label | null {
  if (!role) return null;
  return isRoleId(role) ? ROLES[role] : { zh: role, en: role };
}
