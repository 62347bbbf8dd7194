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
  ApproveQuoteDto,
  DiagnoseFaultDto,
  ReasonDto,
} from './dto/vehicle-repair.dto';

/**
 * 车辆报修与救援维修 (G1 5–6): diagnosis with its estimate, and the
 * payer's answer to the quote.
 *
 * The role in each summary is the one a token holding several acts in by
 * default; the transition table decides who may.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairDiagnosisController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(VEHICLE_REPAIR_PROCESS_ID);
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
}
