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
  CollectedDto,
  NotifyOwnerDto,
  ReturnUnrepairedDto,
} from './dto/vehicle-repair.dto';

/**
 * 车辆报修与救援维修 (G1 8): handing the vehicle back, repaired or not.
 *
 * The role in each summary is the one a token holding several acts in by
 * default; the transition table decides who may.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairDeliveryController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(VEHICLE_REPAIR_PROCESS_ID);
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
}
