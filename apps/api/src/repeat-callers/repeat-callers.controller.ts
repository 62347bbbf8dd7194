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
  REPEAT_CALLER_PROCESS_ID,
  REPEAT_CALLER_STATES,
} from '@opsdesk/domain';
import type { Clock } from '@opsdesk/platform';
import { repeatCallLinksOf } from '@opsdesk/read-models';
import { CLOCK, PG_POOL } from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import {
  ProcessActions,
  type ProcessSteps,
  send,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import {
  notFound,
  ticketIdPipe,
  visibilityOf,
} from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import {
  CallBackDto,
  ClassifyIncidentDto,
  CloseCallDto,
  DraftPlanDto,
  FollowUpDto,
  NotifyResultDto,
  RecordCallDto,
  ReportIncidentDto,
  ReviewPlanDto,
  ReviewRecordingsDto,
  UnlinkCallDto,
} from './dto/repeat-caller.dto';

const P = REPEAT_CALLER_PROCESS_ID;

/**
 * One endpoint per action of 重复来电类敏感问题上报流程, and its reads.
 */
@ApiTags('repeat-callers 重复来电')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repeat-callers')
export class RepeatCallersController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    this.reads = new ProcessReads(queries.of(P), REPEAT_CALLER_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({ summary: '记录来电问题并告知解决时效 (cs-phone-agent)' })
  async record(
    @Body() body: RecordCallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { calledAt, caller, ...rest } = body;
    const answer = await this.actions.act(
      req,
      P,
      undefined,
      'RecordCall',
      'cs-phone-agent',
      {
        ...rest,
        // The decider asks for a phone or a member id, and names the field.
        caller: caller ?? {},
        calledAt: calledAt ?? this.clock.now().toISOString(),
      },
    );
    return send(res, answer, true);
  }

  @Post(':ticketId/close')
  @ApiOperation({ summary: '来电问题办结 (cs-phone-agent)' })
  close(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CloseCallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'CloseCall', 'cs-phone-agent', body);
  }

  @Post(':ticketId/unlink')
  @ApiOperation({ summary: '取消关联来电 (cs-manager-outsourcer)' })
  unlink(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: UnlinkCallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'UnlinkCall',
      'cs-manager-outsourcer',
      body,
    );
  }

  @Post(':ticketId/recordings-reviewed')
  @ApiOperation({ summary: '调取全部相关录音 (cs-manager-outsourcer)' })
  reviewRecordings(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReviewRecordingsDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReviewRecordings',
      'cs-manager-outsourcer',
      body,
    );
  }

  @Post(':ticketId/incident-report')
  @ApiOperation({ summary: '按事件上报模板上报 (cs-manager-outsourcer)' })
  reportIncident(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReportIncidentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReportIncident',
      'cs-manager-outsourcer',
      body,
    );
  }

  @Post(':ticketId/classification')
  @ApiOperation({ summary: '是否外部投诉或媒体曝光 (subsidiary-ops-head)' })
  classify(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ClassifyIncidentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ClassifyIncident',
      'subsidiary-ops-head',
      body,
    );
  }

  @Post(':ticketId/plans')
  @ApiOperation({
    summary: '拟写处理方案 (subsidiary-ops-head / hq-pr-manager)',
  })
  draftPlan(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: DraftPlanDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'DraftHandlingPlan',
      'subsidiary-ops-head',
      body,
    );
  }

  @Post(':ticketId/plan-review')
  @ApiOperation({ summary: '处理方案审核 (subsidiary-gm)' })
  reviewPlan(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReviewPlanDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const payload = body.approved
      ? {
          approved: true,
          ...(body.comments ? { comments: body.comments } : {}),
        }
      : { approved: false, reason: body.reason };
    return this.steps.run(
      req,
      res,
      id,
      'ReviewHandlingPlan',
      'subsidiary-gm',
      payload,
    );
  }

  @Post(':ticketId/call-back')
  @ApiOperation({ summary: '回电用户公开处理方案 (cs-phone-agent)' })
  callBack(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CallBackDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'CallBackWithPlan',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/follow-ups')
  @ApiOperation({ summary: '跟进解决 (cs-phone-agent)' })
  followUp(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: FollowUpDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordFollowUp',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/result')
  @ApiOperation({ summary: '通知相关处理结果 (cs-manager-outsourcer)' })
  notifyResult(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: NotifyResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'NotifyResult',
      'cs-manager-outsourcer',
      body,
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

  @Get(':ticketId/links')
  @ApiOperation({ summary: '关联来电 Linked calls, both ways' })
  async links(
    @Req() req: Request,
    @Param('ticketId', ticketIdPipe) id: string,
  ) {
    const links = await repeatCallLinksOf(this.pool, id, visibilityOf(req));
    if (!links) throw notFound(id);
    return links;
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
