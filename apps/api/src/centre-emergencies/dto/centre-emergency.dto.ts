import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FAULT_TYPES, type FaultType } from '@opsdesk/domain';
import { IsPhone } from '../../process-actions/dto-checks';

class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** Trigger: the fault, logged in 《系统问题记录表》. */
export class LogFaultDto {
  @ApiProperty({ enum: FAULT_TYPES })
  @IsIn(FAULT_TYPES)
  faultType!: FaultType;

  @ApiProperty({ description: '是否提前收到故障通知' })
  @IsBoolean()
  advanceNotice!: boolean;

  @ApiProperty({ example: 'APP无法登录，用户无法下单' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiPropertyOptional({ description: 'When the fault began; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  detectedAt?: string;
}

export class MechanismDto extends NoteDto {}

/** 4.3 */
export class RepairEtaDto extends NoteDto {
  @ApiProperty({ example: '2026-10-10T14:00:00+08:00' })
  @IsISO8601({ strict: true })
  eta!: string;

  @ApiProperty({ example: '技术管理岗 王工' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  techContact!: string;
}

/** A list of people, as the centre names them. */
export class StaffDto {
  @ApiProperty({ type: [String], example: ['值班长 陈', '坐席 0107'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  staff!: string[];
}

/** 3.4 (二) */
export class ManagersDto {
  @ApiProperty({ type: [String], example: ['主管 周', '经理 吴'] })
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  managers!: string[];
}

/** 3.4 (三) */
export class TianrunDto extends NoteDto {
  @ApiPropertyOptional({ example: 'TR-88231', description: '天润报修单号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference?: string;
}

export class EmergencyCustomerDto {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @IsPhone()
  phone!: string;

  @ApiPropertyOptional({ example: '刘女士' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

export class CallerPhoneDto {
  @ApiProperty({ example: '13900139000' })
  @IsString()
  @IsPhone()
  phone!: string;
}

/** 3.2 (二) */
export class HandwrittenRequestDto {
  @ApiProperty({ type: EmergencyCustomerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EmergencyCustomerDto)
  customer!: EmergencyCustomerDto;

  @ApiProperty({ example: '还车后无法结束订单' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  request!: string;

  @ApiPropertyOptional({
    description: 'When the request came in; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}

/** 3.1 / 3.2 (三) */
export class MissedCallDto {
  @ApiProperty({ type: CallerPhoneDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallerPhoneDto)
  caller!: CallerPhoneDto;

  @ApiPropertyOptional({
    description: 'When the call came in; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  calledAt?: string;
}

export class OffDayReportDto extends NoteDto {}

/** 3.6 */
export class ResolveDto {
  @ApiProperty({ example: '机房交换机故障，已更换' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  cause!: string;
}

/** A ticket of any process, by its process id and ticket id. */
export class TicketRefDto {
  @ApiProperty({ example: 'order-anomaly' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/)
  processId!: string;

  @ApiProperty({ example: '01956f3a-7c2e-7a10-9b1e-0a0000000025' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,64}$/)
  ticketId!: string;
}

/** 3.4 (二) 后续补建任务 */
export class BackfillDto {
  @ApiProperty({ example: 'H1' })
  @IsString()
  @Matches(/^H\d{1,6}$/)
  entryId!: string;

  @ApiProperty({ example: '已补建订单异常工单' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  task!: string;

  @ApiPropertyOptional({ type: TicketRefDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TicketRefDto)
  ticket?: TicketRefDto;
}

/** 3.4 (三) 回拨 */
export class CallbackDto extends NoteDto {
  @ApiProperty({ example: 'M1' })
  @IsString()
  @Matches(/^M\d{1,6}$/)
  callId!: string;

  @ApiProperty({ enum: ['reached', 'unreachable'] })
  @IsIn(['reached', 'unreachable'])
  outcome!: 'reached' | 'unreachable';
}

export class DeferredRequestsDto extends NoteDto {
  @ApiProperty({ example: 12, description: '故障结束后处理的用户诉求件数' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  handled!: number;
}

export class CloseEmergencyDto {
  @ApiProperty({ example: '故障已恢复，善后完成' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary!: string;
}
