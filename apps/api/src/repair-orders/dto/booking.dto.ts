import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BRING_ITEMS,
  FLEET_CHANNELS,
  FLEET_PRIORITIES,
  PICKUP_METHODS,
} from '@opsdesk/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { Text } from './field-rules';
import { NoteDto } from './note.dto';
import { VisitDto } from './visit.dto';

export class FleetRequestDto {
  @ApiProperty({ enum: FLEET_CHANNELS })
  @IsIn(FLEET_CHANNELS)
  channel!: string;

  @ApiProperty({ example: 'brakes' })
  @Text(64)
  faultCategory!: string;

  @ApiProperty({ enum: FLEET_PRIORITIES })
  @IsIn(FLEET_PRIORITIES)
  priority!: string;

  @ApiProperty({ example: 'tech-li' })
  @Text(64)
  technicianId!: string;

  @ApiProperty({ example: '2026-12-09T17:00:00+08:00' })
  @IsISO8601({ strict: true })
  expectedCompletionAt!: string;

  @ApiProperty({ enum: PICKUP_METHODS })
  @IsIn(PICKUP_METHODS)
  pickupMethod!: string;
}

/** G5 §1 / G2 §2: an appointment against the shop's capacity. */
export class BookAppointmentDto extends VisitDto {
  @ApiProperty({ example: '2026-12-08T10:00:00+08:00' })
  @IsISO8601({ strict: true })
  slotStart!: string;

  @ApiProperty({ enum: BRING_ITEMS, isArray: true })
  @IsArray()
  @ArrayMaxSize(BRING_ITEMS.length)
  @IsIn(BRING_ITEMS, { each: true })
  bring!: string[];

  @ApiPropertyOptional({ example: { 'BP-FRONT': 1 } })
  @IsOptional()
  @IsObject()
  partsNeeded?: Record<string, number>;

  @ApiPropertyOptional({ type: FleetRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FleetRequestDto)
  fleet?: FleetRequestDto;
}

export class ConfirmationDto extends NoteDto {
  @ApiProperty()
  @IsBoolean()
  confirmed!: boolean;
}

export class ShopCannotKeepDto {
  @ApiProperty({ example: '举升机故障' })
  @Text(1000)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  customerToldAt?: string;
}

export class RebookDto {
  @ApiProperty({ example: '2026-12-09T10:00:00+08:00' })
  @IsISO8601({ strict: true })
  slotStart!: string;
}
