import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPAIR_KINDS } from '@opsdesk/domain';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { IsPhone } from '../../process-actions/dto-checks';
import { Text } from './field-rules';

export class VehicleDto {
  @ApiProperty({ example: '沪A·D12345' })
  @Text(32)
  plate!: string;

  @ApiProperty({ example: '荣威 Ei5' })
  @Text(64)
  model!: string;
}

export class RepairCustomerDto {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @IsPhone()
  phone!: string;

  @ApiPropertyOptional({ example: '王先生' })
  @IsOptional()
  @Text(50)
  name?: string;
}

export class VisitDto {
  @ApiProperty({ example: 'SH-MINHANG-01' })
  @Text(64)
  shopCode!: string;

  @ApiProperty({ enum: REPAIR_KINDS })
  @IsIn(REPAIR_KINDS)
  kind!: string;

  @ApiProperty({ type: VehicleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VehicleDto)
  vehicle!: VehicleDto;

  @ApiProperty({ type: RepairCustomerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RepairCustomerDto)
  customer!: RepairCustomerDto;

  @ApiProperty({ example: '刹车异响' })
  @Text(2000)
  symptoms!: string;

  @ApiPropertyOptional({ description: 'The vehicle-repair ticket, if any' })
  @IsOptional()
  @IsUUID()
  vehicleRepairTicketId?: string;
}
