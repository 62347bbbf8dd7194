import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VEHICLE_REPAIR_PROCESS_ID } from '@opsdesk/domain';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { CompleteRepairDto, QualityCheckDto } from './dto/vehicle-repair.dto';

/**
 * 车辆报修与救援维修 (G1 7–8): the repair and its quality check.
 *
 * The role in each summary is the one a token holding several acts in by
 * default; the transition table decides who may.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairWorkController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(VEHICLE_REPAIR_PROCESS_ID);
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
}
