import type { RecordedEvent } from '@opsdesk/event-store';
import {
  eventLabel,
  processOf,
  roleLabel,
  ticketIdOf,
} from '../log/process-registry';
import { formatShanghai } from '../time/shanghai-time';

/** Spreadsheets read UTF-8 (Chinese labels) only with this mark first. */
export const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'position',
  'recorded_at',
  'recorded_at_shanghai',
  'stream_name',
  'process_id',
  'ticket_id',
  'revision',
  'event_id',
  'type',
  'label_zh',
  'label_en',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_role_zh',
  'actor_kind',
  'command_id',
  'correlation_id',
  'causation_id',
  'schema_version',
  'data',
  'metadata',
  'hash',
  'previous_hash',
] as const;

/** RFC 4180 lines end in CRLF; spreadsheets expect it. */
const EOL = '\r\n';

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + EOL;
}

/** One event as one CSV record; data and metadata as JSON cells. */
export function csvRecord(event: RecordedEvent): string {
  const process = processOf(event.streamName);
  const actor = (event.metadata?.actor ?? {}) as unknown as Record<
    string,
    unknown
  >;
  const role = text(actor.role);
  const label = eventLabel(process, event.type);
  const cells: (string | number)[] = [
    event.position,
    event.recordedAt,
    formatShanghai(event.recordedAt),
    event.streamName,
    process?.processId ?? '',
    process ? ticketIdOf(process, event.streamName) : '',
    event.revision,
    event.eventId,
    event.type,
    label.zh,
    label.en,
    text(actor.id),
    text(actor.name),
    role,
    roleLabel(role)?.zh ?? '',
    text(actor.kind),
    text(event.metadata?.commandId),
    text(event.metadata?.correlationId),
    text(event.metadata?.causationId),
    event.schemaVersion,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    event.hash,
    event.previousHash,
  ];
  return cells.map((cell) => csvCell(String(cell))).join(',') + EOL;
}

/**
 * A cell quoted when it must be, and defused when a spreadsheet would run
 * it as a formula (a leading =, +, -, @, tab or CR gets a leading ').
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
