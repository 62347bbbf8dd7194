import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ORDER_ANOMALY_PROCESS_ID,
  ORDER_ANOMALY_STATES,
} from '@opsdesk/domain';
import type { Clock } from '@opsdesk/platform';
import { CLOCK } from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  type ProcessSteps,
  send,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import {
  ReportOrderAnomalyDto,
  RequestTopUpDto,
  RestoreResultDto,
  ReviewTrajectoryDto,
  SettleDto,
  TechFindingDto,
} from './dto/order-anomaly.dto';

const P = ORDER_ANOMALY_PROCESS_ID;

/** One endpoint per action of P25 订单异常处理流程, and its reads. */
@ApiTags('order-anomalies 订单异常')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('order-anomalies')
export class OrderAnomaliesController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reads = new ProcessReads(queries.of(P), ORDER_ANOMALY_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({ summary: '受理订单异常来电 (cs-phone-agent)' })
  async report(
    @Body() body: ReportOrderAnomalyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { callTime, ...rest } = body;
    const answer = await this.actions.act(
      req,
      P,
      undefined,
      'ReportOrderAnomaly',
      'cs-phone-agent',
      { ...rest, callTime: callTime ?? this.clock.now().toISOString() },
    );
    return send(res, answer, true);
  }

  @Post(':ticketId/review-trajectory')
  @ApiOperation({ summary: '4.1 查看车辆行驶轨迹 (cs-phone-agent)' })
  async review(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReviewTrajectoryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReviewTrajectory',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/restore-result')
  @ApiOperation({ summary: '4.2/4.3 恢复订单结果 (cs-phone-agent)' })
  async restore(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RestoreResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    // As sent: the decider refuses the other outcome's fields by name.
    const payload = { ...body };
    return this.steps.run(
      req,
      res,
      id,
      'RecordRestoreResult',
      'cs-phone-agent',
      payload,
    );
  }

  @Post(':ticketId/request-top-up')
  @ApiOperation({ summary: '4.3.1 告知用户充值E币 (cs-phone-agent)' })
  async requestTopUp(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RequestTopUpDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RequestECoinTopUp',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/settle')
  @ApiOperation({ summary: '4.3.2 扣除E币、结算并告知用户 (cs-phone-agent)' })
  async settle(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SettleDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'SettleWithECoin',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/tech-finding')
  @ApiOperation({ summary: '技术管理岗反馈原因 (tech-manager)' })
  async techFinding(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: TechFindingDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordTechFinding',
      'tech-manager',
      body,
    );
  }

  @Get('report')
  @ApiOperation({ summary: '报表：按上海日期、状态、结果 Reporting rows' })
  report_(@Req() req: Request, @Query() query: Record<string, unknown>) {
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
