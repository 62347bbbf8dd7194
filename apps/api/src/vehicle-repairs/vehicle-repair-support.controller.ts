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
  EscalateFaultDto,
  GuidanceDto,
  ReasonDto,
} from './dto/vehicle-repair.dto';

/**
 * 车辆报修与救援维修 (G3 3): technical support for a fault the shop cannot
 * settle alone, from the after-sales department up to the assistant GM.
 *
 * The role in each summary is the one a token holding several acts in by
 * default; the transition table decides who may.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairSupportController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(VEHICLE_REPAIR_PROCESS_ID);
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
}
