import { isFaultCategory, FAULT_CATEGORY_IDS } from '@opsdesk/domain';
import type { ReportFilter } from '@opsdesk/read-models';
import { STATION_ID_PATTERN } from '@opsdesk/stations';
import { ApiError } from '../http/api-error';
import type { FieldError } from '../http/validation';

export type ReportFormat = 'json' | 'csv';

/** A report request as the query string gave it, checked. */
export interface ReportQuery {
  filter: ReportFilter;
  format: ReportFormat;
  limit: number;
  offset: number;
  ticketId?: string;
}

/** What a report endpoint accepts besides the filter and `format`. */
export interface ReportQueryOptions {
  paged?: { defaultLimit: number; maxLimit: number };
  ticketId?: boolean;
  /** Longest `from`–`to` span in days, for reports with a row per day. */
  maxDays?: number;
}

/** What the registry knows, to refuse a region or station it does not. */
export interface KnownPlaces {
  regionIds: ReadonlySet<string>;
  hasStation(stationId: string): Promise<boolean>;
}

const FILTER_PARAMS = ['from', 'to', 'regionId', 'stationId', 'category'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `2026-02-30` is not a day, so the parts must survive a round trip. */
function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

function daysBetween(from: string, to: string): number {
  return (
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5
  );
}

/**
 * Checks a report's query string: every problem is collected and the
 * request refused with `400`, each entry naming its parameter
 * (`query.from`), as the validation pipe does for bodies.
 */
export async function parseReportQuery(
  query: Record<string, unknown>,
  places: KnownPlaces,
  options: ReportQueryOptions = {},
): Promise<ReportQuery> {
  const problems: FieldError[] = [];
  const fail = (name: string, problem: string) =>
    problems.push({ field: `query.${name}`, problems: [problem] });

  const allowed = [
    ...FILTER_PARAMS,
    'format',
    ...(options.paged ? ['limit', 'offset'] : []),
    ...(options.ticketId ? ['ticketId'] : []),
  ];
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) {
      fail(name, `is not a parameter here; allowed: ${allowed.join(', ')}`);
    } else if (typeof value !== 'string') {
      fail(name, 'must be given once');
    } else if (value !== '') {
      values[name] = value;
    }
  }

  const { from, to, regionId, stationId, category } = values;
  if (from !== undefined && !isCalendarDay(from)) {
    fail('from', 'must be a calendar day, YYYY-MM-DD (Shanghai)');
  }
  if (to !== undefined && !isCalendarDay(to)) {
    fail('to', 'must be a calendar day, YYYY-MM-DD (Shanghai)');
  }
  if (from && to && isCalendarDay(from) && isCalendarDay(to)) {
    const span = daysBetween(from, to);
    if (span < 0) fail('to', 'must not be before from');
    else if (options.maxDays !== undefined && span + 1 > options.maxDays) {
      fail('to', `must be at most ${options.maxDays} days after from`);
    }
  }
  if (regionId !== undefined && !places.regionIds.has(regionId)) {
    fail('regionId', 'is not a known regional platform');
  }
  if (stationId !== undefined) {
    if (!STATION_ID_PATTERN.test(stationId)) {
      fail('stationId', 'must look like ST-310115-007');
    } else if (!(await places.hasStation(stationId))) {
      fail('stationId', 'is not a known station');
    }
  }
  if (category !== undefined && !isFaultCategory(category)) {
    fail('category', `must be one of: ${FAULT_CATEGORY_IDS.join(', ')}`);
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    fail('format', 'must be json or csv');
  }

  let limit = 0;
  let offset = 0;
  if (options.paged) {
    const { defaultLimit, maxLimit } = options.paged;
    limit = integer(values.limit, defaultLimit);
    offset = integer(values.offset, 0);
    if (!(limit >= 1 && limit <= maxLimit)) {
      fail('limit', `must be an integer from 1 to ${maxLimit}`);
    }
    if (!(offset >= 0)) fail('offset', 'must be an integer, 0 or more');
  }
  if (values.ticketId !== undefined && !UUID.test(values.ticketId)) {
    fail('ticketId', 'must be a UUID');
  }

  if (problems.length > 0) {
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      `Invalid parameters: ${problems.map((p) => p.field).join(', ')}`,
      { fields: problems },
    );
  }
  return {
    filter: {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(regionId ? { regionId } : {}),
      ...(stationId ? { stationId } : {}),
      ...(category && isFaultCategory(category) ? { category } : {}),
    },
    format: format as ReportFormat,
    limit,
    offset,
    ...(values.ticketId ? { ticketId: values.ticketId } : {}),
  };
}

/** NaN for anything but a plain non-negative integer, so checks fail. */
function integer(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
}
