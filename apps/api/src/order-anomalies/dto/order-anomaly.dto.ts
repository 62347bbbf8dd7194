import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsPhone } from '../../process-actions/dto-checks';

/** At most a million yuan in fen: far above any order, far below overflow. */
export const MAX_FEN = 100_000_000;

class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CallerDto {
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

/** Trigger: the phone agent takes the call about an order. */
export class ReportOrderAnomalyDto {
  @ApiProperty({ example: 'ORD-20260302-88231' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  orderId!: string;

  @ApiProperty({ example: 'M-310000-5521' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId!: string;

  @ApiProperty({ example: '沪A·D12345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  vehicleId!: string;

  @ApiProperty({ type: CallerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallerDto)
  caller!: CallerDto;

  @ApiProperty({ example: '还车后订单仍在计费' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiPropertyOptional({
    description: 'When the call came in; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  callTime?: string;
}

/** 4.1 */
export class ReviewTrajectoryDto extends NoteDto {
  @ApiProperty({ example: '2026-03-02T11:10:00+08:00' })
  @IsISO8601({ strict: true })
  usageStartedAt!: string;

  @ApiProperty({ example: '2026-03-02T12:05:00+08:00' })
  @IsISO8601({ strict: true })
  usageEndedAt!: string;
}

/** 4.2 / 4.3 */
export class RestoreResultDto extends NoteDto {
  @ApiProperty({ description: '订单是否恢复成功' })
  @IsBoolean()
  restored!: boolean;

  @ApiPropertyOptional({ description: 'Required when not restored' })
  @ValidateIf((o: RestoreResultDto) => o.restored === false)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    description:
      'What technical management is told; required when not restored',
  })
  @ValidateIf((o: RestoreResultDto) => o.restored === false)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  techSummary?: string;
}

/** 4.3.1 */
export class RequestTopUpDto extends NoteDto {
  @ApiProperty({ description: '订单费用（分）', example: 2750 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  orderFeeFen!: number;
}

/** 4.3.2 */
export class SettleDto extends NoteDto {
  @ApiProperty({ description: '扣除E币（分）', example: 2750 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  eCoinFen!: number;

  @ApiProperty({ enum: ['reached', 'unreachable'] })
  @IsIn(['reached', 'unreachable'])
  contactOutcome!: 'reached' | 'unreachable';
}

/** Gap: technical management's answer. */
export class TechFindingDto {
  @ApiProperty({ example: '车机上报还车信号丢失' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  finding!: string;

  @ApiProperty()
  @IsBoolean()
  fixed!: boolean;
}
