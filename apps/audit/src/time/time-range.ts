import { optionValue, type ParsedArguments } from '../cli/arguments';
import { AuditUsageError } from '../cli/audit-errors';
import { parseInstant } from './shanghai-time';

/** `--from` (inclusive) and `--to` (exclusive), as epoch milliseconds. */
export interface TimeRange {
  fromMs?: number;
  toMs?: number;
}

export function rangeOf(args: ParsedArguments, command: string): TimeRange {
  const from = optionValue(args, 'from');
  const to = optionValue(args, 'to');
  const fromMs =
    from === undefined ? undefined : Date.parse(parseInstant(from, '--from'));
  const toMs =
    to === undefined ? undefined : Date.parse(parseInstant(to, '--to'));
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) {
    throw new AuditUsageError('--to must come after --from', command);
  }
  return { fromMs, toMs };
}

export function instantInRange(instant: string, range: TimeRange): boolean {
  const at = Date.parse(instant);
  return (
    (range.fromMs === undefined || at >= range.fromMs) &&
    (range.toMs === undefined || at < range.toMs)
  );
}
