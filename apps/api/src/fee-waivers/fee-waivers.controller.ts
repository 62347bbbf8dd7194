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
  FEE_WAIVER_PROCESS_ID,
  FEE_WAIVER_STATES,
  P17_WAIVER_TABLE,
  WAIVER_RULE_TABLE_ID,
  WAIVER_RULE_TABLE_PROCESS_ID,
  waiverTableInForce,
  type WaiverRuleTableState,
  type WaiverTableVersion,
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
  ApplyWaiverDto,
  ApproveWaiverDto,
  PublishWaiverTableDto,
  RejectWaiverDto,
  RequestWaiverDto,
} from './dto/fee-waiver.dto';

const P = FEE_WAIVER_PROCESS_ID;

/** One endpoint per action of P17 客服费用减免操作流程, and its reads. */
@ApiTags('fee-waivers 费用减免')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('fee-waivers')
export class FeeWaiversController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    private readonly queries: ProcessQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reads = new ProcessReads(queries.of(P), FEE_WAIVER_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({ summary: '受理减免申请，按规则表判定 (cs-phone-agent)' })
  async request(
    @Body() body: RequestWaiverDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { callTime, ...rest } = body;
    const answer = await this.actions.act(
      req,
      P,
      undefined,
      'RequestWaiver',
      'cs-phone-agent',
      { ...rest, callTime: callTime ?? this.clock.now().toISOString() },
    );
    return send(res, answer, true);
  }

  @Post(':ticketId/approve')
  @ApiOperation({ summary: '主管批准酌情减免 (cs-supervisor)' })
  async approve(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ApproveWaiverDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ApproveDiscretionaryWaiver',
      'cs-supervisor',
      body,
    );
  }

  @Post(':ticketId/reject')
  @ApiOperation({ summary: '主管不批准酌情减免 (cs-supervisor)' })
  async reject(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RejectWaiverDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RejectDiscretionaryWaiver',
      'cs-supervisor',
      body,
    );
  }

  @Post(':ticketId/apply')
  @ApiOperation({ summary: '执行减免并告知用户 (cs-phone-agent)' })
  async apply(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ApplyWaiverDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'ApplyWaiver', 'cs-phone-agent', body);
  }

  @Post('rule-table/versions')
  @ApiOperation({ summary: '发布减免规则表新版本 (cs-supervisor)' })
  async publish(
    @Body() body: PublishWaiverTableDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(
        req,
        WAIVER_RULE_TABLE_PROCESS_ID,
        WAIVER_RULE_TABLE_ID,
        'PublishWaiverTable',
        'cs-supervisor',
        {
          ...body,
          rows: body.rows.map((row) => ({ ...row })),
        },
      ),
      true,
    );
  }

  @Get('rule-table')
  @ApiOperation({ summary: '减免规则表：在用版本与全部版本 The rule table' })
  async ruleTable() {
    // Reference data for every subsidiary: read without a visibility filter.
    const view = await this.queries
      .of(WAIVER_RULE_TABLE_PROCESS_ID)
      .getTicket(WAIVER_RULE_TABLE_ID);
    const published = view
      ? (view.state as unknown as WaiverRuleTableState).versions
      : [];
    const versions: WaiverTableVersion[] = [
      P17_WAIVER_TABLE,
      ...published.map(({ version, effectiveFrom, rows }) => ({
        version,
        effectiveFrom,
        rows,
      })),
    ];
    const now = this.clock.now().toISOString();
    return {
      inForce: waiverTableInForce(versions, now) ?? P17_WAIVER_TABLE,
      versions: [
        { ...P17_WAIVER_TABLE, sequence: 0, publishedAt: null },
        ...published,
      ],
    };
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
  @ApiOperation({ summary: '减免申请列表 Waiver list' })
  list(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.list(req, query);
  }

  @Get(':ticketId')
  @ApiOperation({ summary: '减免申请详情 Waiver view' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
