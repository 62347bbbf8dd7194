import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Text } from './field-rules';
import { RepairItemDto } from './repair-item.dto';
import { VisitDto } from './visit.dto';

/** G5 §2: without an appointment. */
export class RegisterWalkInDto extends VisitDto {
  @ApiProperty({ example: '前轮刹车片磨损到限' })
  @Text(2000)
  preliminaryDiagnosis!: string;
}

export class ReceiveDto {
  @ApiPropertyOptional({ example: 42000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  mileageKm?: number;
}

export class FaultDto {
  @ApiProperty({ example: '制动时异响' })
  @Text(1000)
  symptom!: string;

  @ApiProperty({ example: '前轮' })
  @Text(200)
  location!: string;

  @ApiPropertyOptional({ example: '刹车片磨损' })
  @IsOptional()
  @Text(1000)
  cause?: string;
}

/** G6: 维修委托书, records and agreed items. */
export class AuthorisationDto {
  @ApiProperty({ example: '王先生' })
  @Text(50)
  signedBy!: string;

  @ApiProperty({ example: 'EN-7781234' })
  @Text(64)
  engineNumber!: string;

  @ApiProperty({ type: FaultDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FaultDto)
  fault!: FaultDto;

  @ApiProperty({ example: '上次保养 2026-06，提醒 1 万公里保养' })
  @Text(2000)
  historyNote!: string;

  @ApiProperty({ type: RepairItemDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RepairItemDto)
  items!: RepairItemDto[];

  @ApiProperty({ example: '2026-12-08T17:00:00+08:00' })
  @IsISO8601({ strict: true })
  promisedAt!: string;
}
