import {
  Controller,
  DefaultValuePipe,
  Get,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  isRoleId,
  STATION_FAULT_STATES,
  type StationFaultStatus,
} from '@opsdesk/domain';
import type { TicketQueries } from '@opsdesk/read-models';
import { TICKET_QUERIES } from '@opsdesk/runtime';
import { ApiError } from '../http/api-error';

function invalid(field: string, problem: string) {
  return new ApiError(400, 'INVALID_REQUEST', `Invalid ${field}`, {
    fields: [{ field, problems: [problem] }],
  });
}

const uuid = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => invalid(field, 'must be a UUID'),
  });

const int = (field: string) =>
  new ParseIntPipe({
    exceptionFactory: () => invalid(field, 'must be an integer'),
  });

function page(limit: number, offset: number) {
  if (limit < 1 || limit > 200) throw invalid('query.limit', 'must be 1–200');
  if (offset < 0) throw invalid('query.offset', 'must be 0 or more');
  return { limit, offset };
}

/** Read side: ticket view, timeline, lists and inboxes (read models). */
@ApiTags('queries 查询')
@Controller()
export class TicketQueriesController {
  constructor(
    @Inject(TICKET_QUERIES) private readonly queries: TicketQueries,
  ) {}

  @Get('station-faults/:ticketId')
  @ApiOperation({ summary: '工单详情 Ticket view' })
  async ticket(@Param('ticketId', uuid('path.ticketId')) ticketId: string) {
    const ticket = await this.queries.getTicket(ticketId);
    if (!ticket) throw notFound(ticketId);
    return ticket;
  }

  @Get('station-faults/:ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  async timeline(@Param('ticketId', uuid('path.ticketId')) ticketId: string) {
    const entries = await this.queries.getTimeline(ticketId);
    if (entries.length === 0) throw notFound(ticketId);
    return { ticketId, entries };
  }

  @Get('station-faults')
  @ApiOperation({ summary: '工单列表 Ticket list' })
  async list(
    @Query('status') status: string | undefined,
    @Query('regionId') regionId: string | undefined,
    @Query('limit', new DefaultValuePipe(50), int('query.limit')) limit: number,
    @Query('offset', new DefaultValuePipe(0), int('query.offset'))
    offset: number,
  ) {
    if (status !== undefined && !(status in STATION_FAULT_STATES)) {
      throw invalid('query.status', 'unknown state');
    }
    const items = await this.queries.listTickets({
      status: status as StationFaultStatus | undefined,
      regionId,
      ...page(limit, offset),
    });
    return { items };
  }

  @Get('inbox/:role')
  @ApiOperation({ summary: '岗位待办 A role’s inbox' })
  async inbox(
    @Param('role') role: string,
    @Query('assigneeId') assigneeId: string | undefined,
    @Query('limit', new DefaultValuePipe(50), int('query.limit')) limit: number,
    @Query('offset', new DefaultValuePipe(0), int('query.offset'))
    offset: number,
  ) {
    if (!isRoleId(role)) throw invalid('path.role', 'unknown role');
    const items = await this.queries.listInbox(role, {
      assigneeId,
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
