import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REPAIR_ORDER_PROCESS_ID, REPAIR_ORDER_STATES } from '@opsdesk/domain';
import { repairStatistics } from '@opsdesk/read-models';
import { PG_POOL } from '@opsdesk/runtime';
import type { Request } from 'express';
import type { Pool } from 'pg';
import { ApiError } from '../http/api-error';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe, visibilityOf } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import { SHOP_CODE } from './shop-code';

/**
 * 维修站接待与维修 (issue #13): the reads of the shop visits — reports,
 * statistics, inboxes, the list, one visit and its timeline.
 */
@ApiTags('repair-orders 维修站')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repair-orders')
export class RepairOrderReadsController {
  private readonly reads: ProcessReads;

  constructor(
    queries: ProcessQueries,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    this.reads = new ProcessReads(
      queries.of(REPAIR_ORDER_PROCESS_ID),
      REPAIR_ORDER_STATES,
    );
  }

  @Get('report')
  @ApiOperation({ summary: '报表：按上海日期、状态、结果 Reporting rows' })
  report(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.report(req, query);
  }

  /**
   * G8 §8: repeat repairs per vehicle and time per stage, over the visits
   * of the caller's subsidiary (all of them for headquarters).
   */
  @Get('statistics')
  @ApiOperation({ summary: '维修统计：返修与各阶段用时 Statistics' })
  statistics(@Req() req: Request, @Query('shopCode') shopCode?: unknown) {
    if (
      shopCode !== undefined &&
      (typeof shopCode !== 'string' || !SHOP_CODE.test(shopCode))
    ) {
      throw new ApiError(400, 'INVALID_REQUEST', 'Invalid query.shopCode', {
        fields: [
          {
            field: 'query.shopCode',
            problems: ['one shop code: letters, digits, - _'],
          },
        ],
      });
    }
    return repairStatistics(this.pool, visibilityOf(req), shopCode);
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
  @ApiOperation({ summary: '维修单列表 List' })
  list(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.list(req, query);
  }

  @Get(':ticketId')
  @ApiOperation({ summary: '维修单详情 Ticket view' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
