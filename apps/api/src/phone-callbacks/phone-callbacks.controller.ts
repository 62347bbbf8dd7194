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
import { PHONE_CALLBACK_STATES, phoneCallbackProcess } from '@opsdesk/domain';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import {
  CallAttemptDto,
  CancelCallbackDto,
  CloseDissatisfiedDto,
  CloseUnreachedDto,
  ConcludeCallDto,
  OpenCallbackDto,
  OpenComplaintDto,
  PrepareCallbackDto,
  ReportUnreachedDto,
  SecondCallDto,
} from './dto/phone-callback.dto';

const P = phoneCallbackProcess.processId;

/** One endpoint per action of P08 电话回访流程, and its reads. */
@ApiTags('phone-callbacks 电话回访')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('phone-callbacks')
export class PhoneCallbacksController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions, queries: ProcessQueries) {
    this.reads = new ProcessReads(queries.of(P), PHONE_CALLBACK_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({ summary: '2.1–2.4 创建回访任务 (cs-phone-agent)' })
  open(
    @Body() body: OpenCallbackDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      undefined,
      'OpenCallback',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/prepare')
  @ApiOperation({ summary: '4.1 回访准备：核实用户信息 (cs-phone-agent)' })
  prepare(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: PrepareCallbackDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'PrepareCallback',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/attempts')
  @ApiOperation({
    summary: '4.2 外呼一次（当天三次，间隔至少半小时） (cs-phone-agent)',
  })
  attempt(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CallAttemptDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordCallAttempt',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/report-unreached')
  @ApiOperation({ summary: '4.2 下班前提交未回访用户 (cs-phone-agent)' })
  reportUnreached(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReportUnreachedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReportUnreached',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/conclude')
  @ApiOperation({
    summary: '4.4–4.6 告知结果：满意或转值班长 (cs-phone-agent)',
  })
  conclude(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ConcludeCallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const payload = body.userSatisfied
      ? { userSatisfied: true, ...(body.note ? { note: body.note } : {}) }
      : {
          userSatisfied: false,
          doubts: body.doubts,
          ...(body.escalateTo ? { escalateTo: body.escalateTo } : {}),
        };
    return this.steps.run(
      req,
      res,
      id,
      'ConcludeCall',
      'cs-phone-agent',
      payload,
    );
  }

  @Post(':ticketId/second-call')
  @ApiOperation({ summary: '4.6 二次回访 (cs-shift-leader / cs-supervisor)' })
  secondCall(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SecondCallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordSecondCall',
      'cs-shift-leader',
      body,
    );
  }

  @Post(':ticketId/complaint')
  @ApiOperation({
    summary: '4.6 触发客服投诉处理流程 (cs-shift-leader / cs-supervisor)',
  })
  complaint(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: OpenComplaintDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'OpenComplaint',
      'cs-shift-leader',
      body,
    );
  }

  @Post(':ticketId/close-dissatisfied')
  @ApiOperation({
    summary: '二次回访后结案（不转投诉） (cs-shift-leader / cs-supervisor)',
  })
  closeDissatisfied(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CloseDissatisfiedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'CloseDissatisfied',
      'cs-shift-leader',
      body,
    );
  }

  @Post(':ticketId/close-unreached')
  @ApiOperation({ summary: '值班长处理未回访用户 (cs-shift-leader)' })
  closeUnreached(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CloseUnreachedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'CloseUnreached',
      'cs-shift-leader',
      body,
    );
  }

  @Post(':ticketId/cancel')
  @ApiOperation({ summary: '无需回访 (cs-phone-agent)' })
  cancel(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CancelCallbackDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'CancelCallback',
      'cs-phone-agent',
      body,
    );
  }

  @Get('inbox/:role')
  @ApiOperation({ summary: '岗位待办 A role’s call-backs' })
  inbox(
    @Req() req: Request,
    @Param('role') role: string,
    @Query() query: Record<string, unknown>,
  ) {
    return this.reads.inbox(req, role, query);
  }

  @Get()
  @ApiOperation({ summary: '回访列表 Call-back list' })
  list(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.list(req, query);
  }

  @Get(':ticketId')
  @ApiOperation({ summary: '回访详情 Call-back view' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '回访时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
