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
  VEHICLE_REPAIR_PROCESS_ID,
  VEHICLE_REPAIR_STATES,
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
  AnalysisReportDto,
  ApproveQuoteDto,
  CollectedDto,
  CompleteRepairDto,
  DiagnoseFaultDto,
  DispatchRescueDto,
  EscalateFaultDto,
  GuidanceDto,
  NotifyOwnerDto,
  QualityCheckDto,
  ReasonDto,
  ReceiveVehicleDto,
  ReportVehicleFaultDto,
  ReturnUnrepairedDto,
  SurveyDto,
  TowedInDto,
  WarrantyClaimDto,
  WarrantyFollowUpDto,
} from './dto/vehicle-repair.dto';

const P = VEHICLE_REPAIR_PROCESS_ID;

/**
 * One endpoint per action of 车辆报修与救援维修 (G1–G4 of the repair texts), and
 * its reads. The role in each summary is the one a token holding several
 * acts in by default; the transition table decides who may.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairsController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions, queries: ProcessQueries) {
    this.reads = new ProcessReads(queries.of(P), VEHICLE_REPAIR_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({ summary: 'G1 1–2 受理车辆报修 (cs-phone-agent)' })
  async report(
    @Body() body: ReportVehicleFaultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      undefined,
      'ReportVehicleFault',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/dispatch-rescue')
  @ApiOperation({ summary: 'G1 3 安排救援车辆' })
  async dispatchRescue(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: DispatchRescueDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'DispatchRescue',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/towed-in')
  @ApiOperation({ summary: 'G1 3 救援车辆拖运到站' })
  async towedIn(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: TowedInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordTowedIn',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/receive')
  @ApiOperation({ summary: 'G1 4 接待车辆' })
  async receive(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReceiveVehicleDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReceiveVehicle',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/diagnose')
  @ApiOperation({ summary: 'G1 5 检测诊断与估价' })
  async diagnose(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: DiagnoseFaultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'DiagnoseFault',
      'repair-technician',
      body,
    );
  }

  @Post(':ticketId/escalate-to-assistant-gm')
  @ApiOperation({ summary: 'G3 3 上报总经理助理' })
  async escalateToGm(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReasonDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'EscalateToAssistantGm',
      'repair-after-sales',
      body,
    );
  }

  @Post(':ticketId/resolve-escalation')
  @ApiOperation({
    summary: 'G3 3 技术支持完成 (repair-after-sales / repair-assistant-gm)',
  })
  async resolveEscalation(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: GuidanceDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ResolveEscalation',
      'repair-after-sales',
      body,
    );
  }

  @Post(':ticketId/approve-quote')
  @ApiOperation({
    summary:
      'G1 6 报价确认 (会员: cs-phone-agent / repair-shop-receptionist; 车队: fleet-admin)',
  })
  async approveQuote(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ApproveQuoteDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'ApproveQuote', 'cs-phone-agent', body);
  }

  @Post(':ticketId/refuse-quote')
  @ApiOperation({
    summary:
      'G1 6 报价被拒 (会员: cs-phone-agent / repair-shop-receptionist; 车队: fleet-admin)',
  })
  async refuseQuote(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReasonDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(req, res, id, 'RefuseQuote', 'cs-phone-agent', body);
  }

  @Post(':ticketId/return-unrepaired')
  @ApiOperation({ summary: '车辆未维修交还' })
  async returnUnrepaired(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReturnUnrepairedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReturnVehicleUnrepaired',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/escalate')
  @ApiOperation({ summary: 'G3 3 维修中上报售后维护部' })
  async escalate(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: EscalateFaultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'EscalateFault',
      'repair-technician',
      body,
    );
  }

  @Post(':ticketId/complete-repair')
  @ApiOperation({ summary: 'G1 7 维修与更换完成' })
  async completeRepair(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CompleteRepairDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'CompleteRepair',
      'repair-technician',
      body,
    );
  }

  @Post(':ticketId/quality-check')
  @ApiOperation({ summary: 'G1 8 质量验收' })
  async qualityCheck(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: QualityCheckDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordQualityCheck',
      'repair-quality-inspector',
      // A passed check carries no findings, a failed one no note: the
      // decider refuses either (400) rather than this dropping it unseen.
      body,
    );
  }

  @Post(':ticketId/notify-owner')
  @ApiOperation({ summary: 'G1 8 通知车主取车' })
  async notifyOwner(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: NotifyOwnerDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'NotifyOwnerToCollect',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/collected')
  @ApiOperation({ summary: 'G1 8 车辆交付' })
  async collected(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CollectedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordVehicleCollected',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/warranty-claims')
  @ApiOperation({
    summary: 'G1 9 保修期内报修 (cs-phone-agent / repair-shop-receptionist)',
  })
  async warrantyClaim(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: WarrantyClaimDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'FileWarrantyClaim',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/warranty-follow-up')
  @ApiOperation({ summary: 'G1 9 保修回访' })
  async warrantyFollowUp(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: WarrantyFollowUpDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'CompleteWarrantyFollowUp',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/survey')
  @ApiOperation({ summary: 'G1 10 满意度调查' })
  async survey(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SurveyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordSatisfactionSurvey',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/analysis-report')
  @ApiOperation({ summary: 'G3 6 重大故障分析报告' })
  async analysisReport(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: AnalysisReportDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'SubmitAnalysisReport',
      'repair-after-sales',
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
