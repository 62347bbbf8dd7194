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
  TRAFFIC_VIOLATION_PROCESS_ID,
  TRAFFIC_VIOLATION_STATES,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { ProcessCatalog } from '@opsdesk/messaging';
import { EVENT_STORE, PROCESS_CATALOG } from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import { ApiError } from '../http/api-error';
import {
  ProcessActions,
  type ProcessSteps,
  systemActorFor,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { foldedTicket, ticketIdPipe } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import {
  CallDto,
  CollectionResultDto,
  DeductedDto,
  EmptyDto,
  EnterViolationDto,
  HandledDto,
  MaterialsEmailedDto,
  ReasonDto,
  ReceivablesDto,
  RouteCallerDto,
} from './dto/traffic-violation.dto';

const P = TRAFFIC_VIOLATION_PROCESS_ID;

// Refusals that mean "nothing (more) is due now", ending a run.
const NOTHING_DUE = new Set([
  'VIOLATION_STEP_NOT_DUE',
  'VIOLATION_TIMER_STALE',
  'TICKET_NOT_IN_STATE',
]);
const MAX_STEPS_PER_RUN = 10;

/** One endpoint per action of P23 用户违章处理流程, and its reads. */
@ApiTags('traffic-violations 违章处理')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('traffic-violations')
export class TrafficViolationsController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
  ) {
    this.reads = new ProcessReads(queries.of(P), TRAFFIC_VIOLATION_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({
    summary:
      '4.1 录入违章（每周一、周四；其他日期需组长）(subsidiary-violation-specialist)',
  })
  enter(
    @Body() body: EnterViolationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      undefined,
      'EnterViolation',
      'subsidiary-violation-specialist',
      { ...body, violation: { ...body.violation } },
    );
  }

  /**
   * The timer's hook: runs every step due now by the system's clock, one
   * command each, oldest first. The delayed timer jobs do the same on
   * their own; an operator (or a test on a controlled clock) calls this.
   */
  @Post(':ticketId/run-due-steps')
  @ApiOperation({ summary: '执行已到期的违章天数步骤 (system)' })
  async runDue(
    @Param('ticketId', ticketIdPipe) id: string,
    @Req() req: Request,
    @Body() _body: EmptyDto,
  ) {
    // Any of the operator's people may ask for a case they can see (the
    // system's actor sees every subsidiary): it runs only what is due.
    // Outside parties are stopped before (outside-party-reads.ts).
    await foldedTicket(this.store, this.processes, P, id, req);
    const actor = systemActorFor(req, P, 'RunDueViolationStep');
    const ran: string[] = [];
    let status: string | null = null;
    let stoppedBy: string | null = null;
    for (let i = 0; i < MAX_STEPS_PER_RUN; i++) {
      try {
        const answer = await this.actions.act(
          req,
          P,
          id,
          'RunDueViolationStep',
          'system',
          {},
          actor,
        );
        if (answer.status !== 200 || !('ticket' in answer.body)) {
          stoppedBy = 'PENDING';
          break;
        }
        ran.push(...answer.body.events.map((e) => e.type));
        status = answer.body.ticket.status;
      } catch (error) {
        if (error instanceof ApiError && NOTHING_DUE.has(error.code)) {
          stoppedBy = error.code;
          break;
        }
        throw error;
      }
    }
    return { ticketId: id, ran, status, stoppedBy };
  }

  @Post(':ticketId/route-caller')
  @ApiOperation({ summary: '4.3 引导来电用户至在线客服 (cs-phone-agent)' })
  route(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RouteCallerDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RouteCallerToOnline',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/materials-emailed')
  @ApiOperation({
    summary: '4.4 邮件推送违章材料并记录推送清单 (cs-online-agent)',
  })
  emailed(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: MaterialsEmailedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordMaterialsEmailed',
      'cs-online-agent',
      {
        ...body,
        materials: [...body.materials],
      },
    );
  }

  @Post(':ticketId/reminder-call')
  @ApiOperation({
    summary:
      '4.5/4.6 致电提醒并交未推送名单 (cs-violation-reminder-specialist)',
  })
  reminder(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordReminderCall',
      'cs-violation-reminder-specialist',
      body,
    );
  }

  @Post(':ticketId/warning-call')
  @ApiOperation({
    summary: '3.4 第八天致电警告 (cs-violation-reminder-specialist)',
  })
  warning(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordWarningCall',
      'cs-violation-reminder-specialist',
      body,
    );
  }

  @Post(':ticketId/risk-control-call')
  @ApiOperation({ summary: '3.5 第十二天风控致电 (risk-control-manager)' })
  riskCall(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordRiskControlCall',
      'risk-control-manager',
      body,
    );
  }

  @Post(':ticketId/in-person-collection')
  @ApiOperation({ summary: '3.5 情况恶劣，上门追讨 (risk-control-manager)' })
  collect(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReasonDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'StartInPersonCollection',
      'risk-control-manager',
      body,
    );
  }

  @Post(':ticketId/collection-result')
  @ApiOperation({ summary: '上门追讨结果 (risk-control-manager)' })
  collectionResult(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CollectionResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordCollectionResult',
      'risk-control-manager',
      body,
    );
  }

  @Post(':ticketId/request-deduction')
  @ApiOperation({
    summary: '3.5 未处理：请财务冻结押金扣款 (risk-control-manager)',
  })
  requestDeduction(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: EmptyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RequestDepositDeduction',
      'risk-control-manager',
      body,
    );
  }

  @Post(':ticketId/deposit-deducted')
  @ApiOperation({ summary: '冻结押金并以违约金扣除违章费用 (finance-manager)' })
  deducted(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: DeductedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordDepositDeducted',
      'finance-manager',
      body,
    );
  }

  @Post(':ticketId/hand-off-to-receivables')
  @ApiOperation({
    summary: '通知客服中心并执行应收账款防范及收缴流程 (risk-control-manager)',
  })
  receivables(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReceivablesDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'HandOffToReceivables',
      'risk-control-manager',
      body,
    );
  }

  @Post(':ticketId/handled')
  @ApiOperation({
    summary:
      '用户已处理违章 (subsidiary-violation-specialist / cs-online-agent / risk-control-manager)',
  })
  handled(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: HandledDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordViolationHandled',
      'subsidiary-violation-specialist',
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
  @ApiOperation({ summary: '违章案件列表 Violation cases' })
  list(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.list(req, query);
  }

  @Get(':ticketId')
  @ApiOperation({ summary: '违章案件详情 Violation case' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
