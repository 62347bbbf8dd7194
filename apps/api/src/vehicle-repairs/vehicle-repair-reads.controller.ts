import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  VEHICLE_REPAIR_PROCESS_ID,
  VEHICLE_REPAIR_STATES,
} from '@opsdesk/domain';
import type { Request } from 'express';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';

/**
 * 车辆报修与救援维修: the reads — reporting rows, a role's inbox, the list,
 * one ticket and its timeline.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairReadsController {
  private readonly reads: ProcessReads;

  constructor(queries: ProcessQueries) {
    this.reads = new ProcessReads(
      queries.of(VEHICLE_REPAIR_PROCESS_ID),
      VEHICLE_REPAIR_STATES,
    );
  }

  @Get('report')
  @ApiOperation({ summary: '报表：按上海日期、状态、结果 Reporting rows' })
  report(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.report(req, query);
  }

  @Get('inbox/:role')
  @ApiOperation({ summary: '岗位待办 A role’s inbox' })
  inbox(
    @Req() req: Request,
    @Param('role') role: string,
    @Query() query: Record<string, unknown>,
  ) {
    return this.reads.inbox(req, role, query);
  }

  @Get()
  @ApiOperation({ summary: '工单列表 Ticket list' })
  list(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.list(req, query);
  }

  @Get(':ticketId')
  @ApiOperation({ summary: '工单详情 Ticket view' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
