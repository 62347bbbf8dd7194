import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { WAIVER_METHOD_IDS, type WaiverMethod } from '@opsdesk/domain';
import {
  CallerDto,
  MAX_FEN,
} from '../../order-anomalies/dto/order-anomaly.dto';

class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** The agent asks for a waiver; the rule table in force decides it. */
export class RequestWaiverDto {
  @ApiProperty({ example: 'ORD-20260302-10001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  orderId!: string;

  @ApiProperty({ example: 'M-310000-7788' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId!: string;

  @ApiProperty({ type: CallerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallerDto)
  caller!: CallerDto;

  @ApiPropertyOptional({
    description: '用户首次来电时间 (the first call); defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  callTime?: string;

  @ApiProperty({
    description: 'The row of the table in force, by its case code',
    example: 'cannot-start-at-station',
  })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/)
  caseCode!: string;

  @ApiProperty({ description: '订单费用（分）', example: 4800 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  orderFeeFen!: number;

  @ApiPropertyOptional({
    description: '未使用车辆全额减免: was the car driven?',
  })
  @IsOptional()
  @IsBoolean()
  vehicleUsed?: boolean;

  @ApiPropertyOptional({
    description: '减免至来电时间: fee up to the call (分)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  feeUntilCallFen?: number;

  @ApiPropertyOptional({ description: 'Row 1: when the car was moved' })
  @IsOptional()
  @IsISO8601({ strict: true })
  carMovedAt?: string;

  @ApiPropertyOptional({ description: '酌情减免: the amount proposed (分)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  proposedWaiverFen?: number;

  @ApiPropertyOptional({ description: '酌情减免: why' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ApproveWaiverDto extends NoteDto {
  @ApiProperty({ description: '批准减免金额（分）', example: 1200 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  approvedWaiverFen!: number;
}

export class RejectWaiverDto {
  @ApiProperty({ example: '用户自身原因，不予减免' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ApplyWaiverDto extends NoteDto {
  @ApiProperty({ example: 'BILL-ADJ-88123' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  billingReference!: string;

  @ApiProperty({ enum: ['reached', 'unreachable'] })
  @IsIn(['reached', 'unreachable'])
  contactOutcome!: 'reached' | 'unreachable';
}

export class WaiverRuleRowDto {
  @ApiProperty({ example: 7 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  row!: number;

  @ApiProperty({ example: 'tyre-problem' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/)
  caseCode!: string;

  @ApiProperty({ example: '车胎问题' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  category!: string;

  @ApiProperty({ example: '' })
  @IsString()
  @MaxLength(500)
  description!: string;

  @ApiProperty({ enum: WAIVER_METHOD_IDS })
  @IsIn(WAIVER_METHOD_IDS)
  method!: WaiverMethod;

  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  moveWithinMinutes?: number;
}

/** A new version of 费用减免类别描述及操作规则. */
export class PublishWaiverTableDto extends NoteDto {
  @ApiProperty({ example: 'P17-V2.0' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  version!: string;

  @ApiPropertyOptional({ description: 'When it takes effect; now if omitted' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveFrom?: string;

  @ApiProperty({ type: [WaiverRuleRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WaiverRuleRowDto)
  rows!: WaiverRuleRowDto[];
}
