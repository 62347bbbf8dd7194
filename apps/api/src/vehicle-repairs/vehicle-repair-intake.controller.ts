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
  DispatchRescueDto,
  ReceiveVehicleDto,
  ReportVehicleFaultDto,
  TowedInDto,
} from './dto/vehicle-repair.dto';

/**
 * 车辆报修与救援维修 (G1 1–4): the driver's report, the rescue vehicle,
 * towing in and reception at the shop.
 *
 * The role in each summary is the one a token holding several acts in by
 * default; the transition table decides who may.
 */
@ApiTags('vehicle-repairs 车辆报修')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('vehicle-repairs')
export class VehicleRepairIntakeController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(VEHICLE_REPAIR_PROCESS_ID);
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
}
