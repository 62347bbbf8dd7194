import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isPhoneNumber } from '@opsdesk/domain';
import {
  CHARGING_PILE_ID_PATTERN,
  STATION_ID_PATTERN,
} from '@opsdesk/stations';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { MaxCodePoints } from '../../http/max-code-points';

/** Chinese labels are accepted beside the ids, as agents type them. */
const REPORTER_TYPE_ALIASES: Record<string, string> = {
  物业方: 'property-management',
  用户: 'user',
};

/** The rough form of a phone number, for DTOs that only need the shape. */
export const PHONE_PATTERN = /^\+?\d[\d -]{3,22}\d$/;

/**
 * A phone number as the domain checks it: ASCII digits (full-width ones
 * are refused), an optional leading +, spaces or hyphens between them, 5
 * to 20 digits. Checked here too, so a bad number never reaches a queue.
 */
function IsPhoneNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isPhoneNumber',
    validator: {
      validate: (value: unknown) => isPhoneNumber(value),
      defaultMessage: () => 'phone must be a telephone number',
    },
  });
}

export class ReporterDto {
  @ApiProperty({
    enum: ['property-management', 'user'],
    description: '物业方 or 用户',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (REPORTER_TYPE_ALIASES[value] ?? value) : value,
  )
  @IsIn(['property-management', 'user'])
  type!: 'property-management' | 'user';

  @ApiPropertyOptional({ example: '王经理' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(50)
  name?: string;

  @ApiProperty({ example: '13800138000' })
  @IsString()
  @IsPhoneNumber()
  phone!: string;
}

/** 4.1: the agent records the call, the station and the fault. */
export class ReportStationFaultDto {
  @ApiProperty({ type: ReporterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter!: ReporterDto;

  @ApiProperty({ example: 'ST-310115-007' })
  @IsString()
  @Matches(STATION_ID_PATTERN, {
    message: 'stationId must look like ST-310115-007',
  })
  stationId!: string;

  @ApiProperty({ example: '3号充电桩无法启动充电' })
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(2000)
  faultDescription!: string;

  @ApiProperty({ description: '疑似充电桩损坏' })
  @IsBoolean()
  suspectedChargingPile!: boolean;

  @ApiPropertyOptional({ example: 'ST-310115-007-CP03' })
  @IsOptional()
  @IsString()
  @Matches(CHARGING_PILE_ID_PATTERN, {
    message: 'chargingPileId must look like ST-310115-007-CP03',
  })
  chargingPileId?: string;

  @ApiPropertyOptional({
    description: 'When the call came in; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  callTime?: string;
}
