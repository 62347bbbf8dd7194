import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
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
import { VIOLATION_MATERIALS, type ViolationMaterial } from '@opsdesk/domain';
import { MAX_FEN } from '../../order-anomalies/dto/order-anomaly.dto';
import { IsPhone } from '../../process-actions/dto-checks';

class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ViolationRecordDto {
  @ApiProperty({ example: '沪A·D54321' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  plate!: string;

  @ApiProperty({ example: '2026-09-10T10:30:00+08:00' })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiProperty({ example: '上海市徐汇区漕溪北路' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location!: string;

  @ApiProperty({ example: '违法停车' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @ApiProperty({ description: '罚款（分）', example: 20000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  fineFen!: number;

  @ApiProperty({ description: '记分', example: 0 })
  @IsInt()
  @Min(0)
  @Max(12)
  points!: number;
}

/** 4.1: a subsidiary's specialist enters a violation (Mondays, Thursdays). */
export class EnterViolationDto {
  @ApiProperty({ example: 'M-310000-4411' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId!: string;

  @ApiProperty({ example: '13600006666' })
  @IsString()
  @IsPhone()
  phone!: string;

  @ApiPropertyOptional({ example: 'li@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiProperty({ type: ViolationRecordDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ViolationRecordDto)
  violation!: ViolationRecordDto;

  @ApiPropertyOptional({
    description: 'A lead’s reason for entering off Monday and Thursday',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  overrideReason?: string;
}

export class RouteCallerDto extends NoteDto {}

export class MaterialsEmailedDto {
  @ApiProperty({ example: 'li@example.com' })
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiProperty({ enum: VIOLATION_MATERIALS, isArray: true })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(VIOLATION_MATERIALS, { each: true })
  materials!: ViolationMaterial[];
}

export class CallDto extends NoteDto {
  @ApiProperty({ enum: ['reached', 'unreachable'] })
  @IsIn(['reached', 'unreachable'])
  contactOutcome!: 'reached' | 'unreachable';
}

export class ReasonDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class CollectionResultDto extends NoteDto {
  @ApiProperty()
  @IsBoolean()
  collected!: boolean;

  @ApiPropertyOptional({ description: 'Required when collected (分)' })
  @ValidateIf((o: CollectionResultDto) => o.collected === true)
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen?: number;
}

export class EmptyDto {}

export class DeductedDto {
  @ApiProperty({ description: '扣除金额（分）', example: 20000 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;
}

export class ReceivablesDto {
  @ApiProperty({ example: '已扣押金200元' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  result!: string;

  @ApiProperty({ example: 'AR-2026-0091' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  receivableCaseId!: string;
}

export class HandledDto {
  @ApiProperty({ example: '交管12123显示已处理' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  evidence!: string;
}
