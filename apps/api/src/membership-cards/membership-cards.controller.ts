import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  MEMBERSHIP_CARD_PROCESS_ID,
  MEMBERSHIP_CARD_STATES,
} from '@opsdesk/domain';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import {
  CardProgressDto,
  ReceiveCardInquiryDto,
  RejectedDto,
  CardSelfCheckDto,
} from './dto/membership-card.dto';

const P = MEMBERSHIP_CARD_PROCESS_ID;

/** One endpoint per action of 市场会员卡进度审核流程, and its reads. */
@ApiTags('membership-cards 会员卡进度')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('membership-cards')
export class MembershipCardsController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions, queries: ProcessQueries) {
    this.reads = new ProcessReads(queries.of(P), MEMBERSHIP_CARD_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({
    summary: '4.2 受理会员卡进度咨询 (cs-phone-agent | cs-online-agent)',
  })
  receive(
    @Body() body: ReceiveCardInquiryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'ReceiveCardInquiry';
    return this.steps.run(req, res, undefined, type, 'cs-phone-agent', body);
  }

  @Post(':ticketId/self-check')
  @ApiOperation({ summary: '4.3 引导用户APP查询审核进度' })
  selfCheck(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CardSelfCheckDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'GuideSelfCheck',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/rejected')
  @ApiOperation({ summary: '4.3.1 审核未通过，查询原因并告知' })
  rejected(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RejectedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'RecordApplicationRejected';
    return this.steps.run(req, res, id, type, 'cs-phone-agent', body);
  }

  @Post(':ticketId/progress')
  @ApiOperation({
    summary: '4.3.2 审核通过：查询寄送记录，告知单号或等待3-5个工作日',
  })
  progress(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CardProgressDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'LookUpCardProgress';
    return this.steps.run(req, res, id, type, 'cs-phone-agent', body);
  }

  @Post(':ticketId/check-courier')
  @ApiOperation({ summary: '等待中复查寄送记录' })
  checkCourier(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CardProgressDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'CheckCourierRecord';
    return this.steps.run(req, res, id, type, 'cs-phone-agent', body);
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
