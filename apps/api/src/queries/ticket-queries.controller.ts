import {
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Query,
  Req,
  type PipeTransform,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  isRoleId,
  STATION_FAULT_STATES,
  type StationFaultStatus,
} from '@opsdesk/domain';
import type { TicketQueries } from '@opsdesk/read-models';
import { TICKET_QUERIES } from '@opsdesk/runtime';
import type { Request } from 'express';
import { outsidePartyOf, readScopeOf } from '../auth/outside-party-reads';
import { ApiError } from '../http/api-error';
import { onlyQueryParams } from '../http/query-params';
import {
  entryWithoutReporter,
  viewWithoutReporter,
} from './without-personal-data';

function invalid(field: string, problem: string) {
  return new ApiError(400, 'INVALID_REQUEST', `Invalid ${field}`, {
    fields: [{ field, problems: [problem] }],
  });
}

const uuid = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => invalid(field, 'must be a UUID'),
  });

/**
 * An integer query value, or `fallback` when it is absent. Anything else
 * is a 400: Nest's DefaultValuePipe would take the NaN the global pipe
 * makes of `limit=abc` (or of full-width digits) for a missing value.
 */
const int = (field: string, fallback: number): PipeTransform => ({
  transform(value: unknown) {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d{1,9}$/.test(value)) {
      return Number(value);
    }
    throw invalid(field, 'must be an integer');
  },
});

const REGION_ID = /^rp-[a-z]{1,30}$/;

function page(limit: number, offset: number) {
  if (limit < 1 || limit > 200) throw invalid('query.limit', 'must be 1–200');
  if (offset < 0) throw invalid('query.offset', 'must be 0 or more');
  return { limit, offset };
}

/**
 * Read side: ticket view, timeline, lists and inboxes (read models), each
 * kept to the caller's subsidiary unless the caller is headquarters, and
 * a supplier's to its own tickets (readScopeOf). A ticket outside the
 * scope is answered as unknown.
 */
@ApiTags('queries 查询')
@ApiBearerAuth()
@Controller()
export class TicketQueriesController {
  constructor(
    @Inject(TICKET_QUERIES) private readonly queries: TicketQueries,
  ) {}

  @Get('station-faults/:ticketId')
  @ApiOperation({ summary: '工单详情 Ticket view' })
  async ticket(
    @Param('ticketId', uuid('path.ticketId')) ticketId: string,
    @Req() req: Request,
  ) {
    const scope = readScopeOf(req);
    const ticket = await this.queries.getTicket(ticketId, scope);
    if (!ticket) throw notFound(ticketId);
    return outsidePartyOf(req) ? viewWithoutReporter(ticket) : ticket;
  }

  @Get('station-faults/:ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  async timeline(
    @Param('ticketId', uuid('path.ticketId')) ticketId: string,
    @Req() req: Request,
  ) {
    const scope = readScopeOf(req);
    const entries = await this.queries.getTimeline(ticketId, scope);
    if (entries.length === 0) throw notFound(ticketId);
    return {
      ticketId,
      entries: outsidePartyOf(req)
        ? entries.map(entryWithoutReporter)
        : entries,
    };
  }

  @Get('station-faults')
  @ApiOperation({ summary: '工单列表 Ticket list' })
  async list(
    @Query('status') status: string | undefined,
    @Query('regionId') regionId: string | undefined,
    @Query('limit', int('query.limit', 50)) limit: number,
    @Query('offset', int('query.offset', 0))
    offset: number,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
  ) {
    onlyQueryParams(query, ['status', 'regionId', 'limit', 'offset']);
    const scope = readScopeOf(req);
    if (
      status !== undefined &&
      !Object.prototype.hasOwnProperty.call(STATION_FAULT_STATES, status)
    ) {
      throw invalid('query.status', 'unknown state');
    }
    if (regionId !== undefined && !REGION_ID.test(regionId)) {
      throw invalid('query.regionId', 'must look like rp-pudong');
    }
    const items = await this.queries.listTickets({
      status: status as StationFaultStatus | undefined,
      regionId,
      ...scope,
      ...page(limit, offset),
    });
    return {
      items: outsidePartyOf(req) ? items.map(viewWithoutReporter) : items,
    };
  }

  @Get('inbox/:role')
  @ApiOperation({ summary: '岗位待办 A role’s inbox' })
  async inbox(
    @Param('role') role: string,
    @Query('assigneeId') assigneeId: string | undefined,
    @Query('limit', int('query.limit', 50)) limit: number,
    @Query('offset', int('query.offset', 0))
    offset: number,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
  ) {
    onlyQueryParams(query, ['assigneeId', 'limit', 'offset']);
    const scope = readScopeOf(req);
    if (!isRoleId(role)) throw invalid('path.role', 'unknown role');
    const items = await this.queries.listInbox(role, {
      assigneeId,
      ...scope,
      ...page(limit, offset),
    });
    return { role, items };
  }
}

function notFound(ticketId: string) {
  return new ApiError(
    404,
    'TICKET_NOT_FOUND',
    `Ticket ${ticketId} does not exist`,
    {
      ticketId,
    },
  );
}
