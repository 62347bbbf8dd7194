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
  CENTRE_EMERGENCY_PROCESS_ID,
  CENTRE_EMERGENCY_STATES,
  type RoleId,
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
  BackfillDto,
  CallbackDto,
  CloseEmergencyDto,
  DeferredRequestsDto,
  HandwrittenRequestDto,
  LogFaultDto,
  ManagersDto,
  MechanismDto,
  MissedCallDto,
  OffDayReportDto,
  RepairEtaDto,
  ResolveDto,
  StaffDto,
  TianrunDto,
  TicketRefDto,
} from './dto/centre-emergency.dto';

const P = CENTRE_EMERGENCY_PROCESS_ID;

/** One endpoint per action of 客服中心应急处理流程, and its reads. */
@ApiTags('centre-emergencies 客服中心应急处理')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('centre-emergencies')
export class CentreEmergenciesController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reads = new ProcessReads(queries.of(P), CENTRE_EMERGENCY_STATES);
    this.steps = actions.stepsOf(P);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private run(
    req: Request,
    res: Response,
    id: string,
    type: string,
    role: RoleId,
    body: object,
  ) {
    return this.steps.run(req, res, id, type, role, body);
  }

  @Post()
  @ApiOperation({ summary: '故障登记《系统问题记录表》 (cs-phone-agent)' })
  async log(
    @Body() body: LogFaultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { detectedAt, ...rest } = body;
    const answer = await this.actions.act(
      req,
      P,
      undefined,
      'LogFault',
      'cs-phone-agent',
      { ...rest, detectedAt: detectedAt ?? this.now() },
    );
    return send(res, answer, true);
  }

  @Post(':ticketId/emergency-mechanism')
  @ApiOperation({ summary: '4.2 宣布启动应急机制 (cs-manager-outsourcer)' })
  mechanism(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: MechanismDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'ActivateEmergencyMechanism';
    return this.run(req, res, id, type, 'cs-manager-outsourcer', body);
  }

  @Post(':ticketId/repair-eta')
  @ApiOperation({
    summary:
      '4.3 确认预计修复时间并实时上报总部客服经理 (cs-manager-outsourcer)',
  })
  eta(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RepairEtaDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'ConfirmRepairEta';
    return this.run(req, res, id, type, 'cs-manager-outsourcer', body);
  }

  @Post(':ticketId/all-hands')
  @ApiOperation({ summary: '4.4 全员登录电话接听 (cs-shift-leader)' })
  allHands(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: StaffDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'MobiliseAllHands', 'cs-shift-leader', body);
  }

  @Post(':ticketId/online-staff')
  @ApiOperation({ summary: '3.1 在线组支援电话组 (cs-online-agent)' })
  onlineStaff(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: StaffDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'LendOnlineStaff', 'cs-online-agent', body);
  }

  @Post(':ticketId/managers')
  @ApiOperation({ summary: '3.4 指派两名管理人员 (cs-supervisor)' })
  managers(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ManagersDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'DesignateManagers', 'cs-supervisor', body);
  }

  @Post(':ticketId/tianrun-report')
  @ApiOperation({ summary: '3.4 致电天润400紧急报修 (cs-supervisor)' })
  tianrun(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: TianrunDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'ReportToTianrun', 'cs-supervisor', body);
  }

  @Post(':ticketId/handwritten-requests')
  @ApiOperation({ summary: '3.2 手工记录客户诉求 (cs-phone-agent)' })
  handwritten(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: HandwrittenRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const payload = { ...body, receivedAt: body.receivedAt ?? this.now() };
    const type = 'RecordHandwrittenRequest';
    return this.run(req, res, id, type, 'cs-phone-agent', payload);
  }

  @Post(':ticketId/missed-calls')
  @ApiOperation({ summary: '3.2 记录未接来电 (cs-phone-agent)' })
  missedCall(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: MissedCallDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const payload = { ...body, calledAt: body.calledAt ?? this.now() };
    return this.run(
      req,
      res,
      id,
      'RecordMissedCall',
      'cs-phone-agent',
      payload,
    );
  }

  @Post(':ticketId/off-day-report')
  @ApiOperation({ summary: '3.3 非工作日上报客服经理 (cs-shift-leader)' })
  offDay(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: OffDayReportDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'ReportToCsManagerOffDay';
    return this.run(req, res, id, type, 'cs-shift-leader', body);
  }

  @Post(':ticketId/next-shift')
  @ApiOperation({ summary: '3.3 通知翻班人员提前到岗 (cs-shift-leader)' })
  nextShift(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: StaffDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(
      req,
      res,
      id,
      'CallNextShiftEarly',
      'cs-shift-leader',
      body,
    );
  }

  @Post(':ticketId/support-staff')
  @ApiOperation({ summary: '3.4 调配人员到岗支援 (cs-supervisor)' })
  supportStaff(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: StaffDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'DeploySupportStaff', 'cs-supervisor', body);
  }

  @Post(':ticketId/resolve')
  @ApiOperation({ summary: '3.6 反馈故障已修复 (tech-manager)' })
  resolve(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ResolveDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'ResolveFault', 'tech-manager', body);
  }

  @Post(':ticketId/backfill')
  @ApiOperation({ summary: '3.4 手工记录补建任务 (cs-phone-agent)' })
  backfill(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: BackfillDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'BackfillTask', 'cs-phone-agent', body);
  }

  @Post(':ticketId/callbacks')
  @ApiOperation({ summary: '3.4 未接来电回拨 (cs-phone-agent)' })
  callback(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CallbackDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'RecordCallback', 'cs-phone-agent', body);
  }

  @Post(':ticketId/deferred-requests')
  @ApiOperation({ summary: '4.4 故障结束后处理用户诉求 (cs-phone-agent)' })
  deferred(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: DeferredRequestsDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const type = 'RecordDeferredRequestsHandled';
    return this.run(req, res, id, type, 'cs-phone-agent', body);
  }

  @Post(':ticketId/close')
  @ApiOperation({ summary: '应急处理结束 (cs-supervisor)' })
  close(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CloseEmergencyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'CloseEmergency', 'cs-supervisor', body);
  }

  @Post(':ticketId/links')
  @ApiOperation({ summary: '关联受影响工单 (any role of the process)' })
  link(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: TicketRefDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'LinkTicket', 'cs-phone-agent', body);
  }

  @Post(':ticketId/unlink')
  @ApiOperation({ summary: '取消关联工单 (any role of the process)' })
  unlink(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: TicketRefDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(req, res, id, 'UnlinkTicket', 'cs-phone-agent', body);
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
  @ApiOperation({ summary: '工单详情（含关联工单） Ticket view' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
