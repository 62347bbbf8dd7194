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
  EMAIL_CASE_PROCESS_ID,
  EMAIL_CASE_STATES,
  type RoleId,
} from '@opsdesk/domain';
import { uuidv7, type Clock } from '@opsdesk/platform';
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
  EmailEscalateDto,
  FaqReplyDto,
  FollowUpLabelDto,
  ForwardDto,
  GuideReplyDto,
  ReceiveMailDto,
  ReplyDto,
  SubmitIncidentDto,
  TriageMailDto,
} from './dto/email-case.dto';

const P = EMAIL_CASE_PROCESS_ID;
const SPECIALIST: RoleId = 'cs-email-specialist';

/**
 * One endpoint per action of 邮件客服岗位工作流程, and its
 * reads. Mail normally arrives through the inbound adapter
 * (`MAIL_INBOX_DIR`); the intake here records one by hand.
 */
@ApiTags('email-cases 邮件客服')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('email-cases')
export class EmailCasesController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reads = new ProcessReads(queries.of(P), EMAIL_CASE_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({ summary: '登记新邮件 (cs-email-specialist)' })
  async receive(
    @Body() body: ReceiveMailDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { messageId, receivedAt, ...rest } = body;
    const answer = await this.actions.act(
      req,
      P,
      undefined,
      'ReceiveMail',
      SPECIALIST,
      {
        ...rest,
        messageId: messageId ?? `manual:${uuidv7()}`,
        receivedAt: receivedAt ?? this.clock.now().toISOString(),
      },
    );
    return send(res, answer, true);
  }

  @Post(':ticketId/triage')
  @ApiOperation({ summary: '邮件归类，按收件时间顺序 (cs-email-specialist)' })
  async triage(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: TriageMailDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'TriageMail', SPECIALIST, body);
  }

  @Post(':ticketId/faq-reply')
  @ApiOperation({ summary: '根据FAQ或主页公告直接回复 (cs-email-specialist)' })
  async faqReply(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: FaqReplyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'ReplyFromFaq', SPECIALIST, body);
  }

  @Post(':ticketId/incident')
  @ApiOperation({ summary: '递交事件并告知用户正在处理 (cs-email-specialist)' })
  async incident(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SubmitIncidentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'SubmitIncident', SPECIALIST, body);
  }

  @Post(':ticketId/follow-up-label')
  @ApiOperation({ summary: '放入跟进标签 (cs-email-specialist)' })
  async label(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: FollowUpLabelDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'LabelForFollowUp', SPECIALIST, body);
  }

  @Post(':ticketId/handling-reply')
  @ApiOperation({ summary: '回复处理邮件 (cs-email-specialist)' })
  async handlingReply(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReplyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'SendHandlingReply', SPECIALIST, body);
  }

  @Post(':ticketId/forward')
  @ApiOperation({
    summary: '告知用户并转发邮件给相关负责人 (cs-email-specialist)',
  })
  async forward(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ForwardDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ForwardToDepartment',
      SPECIALIST,
      body,
    );
  }

  @Post(':ticketId/guide')
  @ApiOperation({ summary: '主管指导回复用户 (cs-supervisor)' })
  async guide(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: GuideReplyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'GuideReply', 'cs-supervisor', body);
  }

  @Post(':ticketId/escalate')
  @ApiOperation({ summary: '上报至相关部门及领导 (cs-supervisor)' })
  async escalate(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: EmailEscalateDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'EscalateToDepartmentAndLeadership',
      'cs-supervisor',
      body,
    );
  }

  @Post(':ticketId/department-reply')
  @ApiOperation({ summary: '相关部门处理回复 (related-department)' })
  async departmentReply(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReplyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordDepartmentReply',
      'related-department',
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

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
