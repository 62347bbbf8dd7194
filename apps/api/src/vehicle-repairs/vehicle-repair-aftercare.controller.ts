import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VEHICLE_REPAIR_PROCESS_ID } from '@opsdesk/domain';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import {
  AnalysisReportDto,
  VehicleSurveyDto,
  WarrantyClaimDto,
  WarrantyFollowUpDto,
} from './dto/vehicle-repair.dto';

/**
 * 车辆报修与救援维修 (G1 9–10, G3 6): warranty claims and their follow-up,
 * the satisfaction survey, and a major fault's analysis report.
 *
 * The role in each summary is the one a token holding several acts in by
 * default; the transition table decides who may.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairAftercareController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(VEHICLE_REPAIR_PROCESS_ID);
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
    @Body() body: VehicleSurveyDto,
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
}
