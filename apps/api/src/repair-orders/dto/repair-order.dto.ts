import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BRING_ITEMS,
  FLEET_CHANNELS,
  FLEET_PRIORITIES,
  PICKUP_METHODS,
  REPAIR_KINDS,
} from '@opsdesk/domain';
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
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsPhone } from '../../process-actions/dto-checks';

/** At most a million yuan in fen. */
const MAX_FEN = 100_000_000;

function Text(max: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(max)(target, key);
  };
}

export class VehicleDto {
  @ApiProperty({ example: '沪A·D12345' })
  @Text(32)
  plate!: string;

  @ApiProperty({ example: '荣威 Ei5' })
  @Text(64)
  model!: string;
}

export class CustomerDto {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @IsPhone()
  phone!: string;

  @ApiPropertyOptional({ example: '王先生' })
  @IsOptional()
  @Text(50)
  name?: string;
}

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

class VisitDto {
  @ApiProperty({ example: 'SH-MINHANG-01' })
  @Text(64)
  shopCode!: string;

  @ApiProperty({ enum: REPAIR_KINDS })
  @IsIn(REPAIR_KINDS)
  kind!: string;

  @ApiProperty({ type: VehicleDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => VehicleDto)
  vehicle!: VehicleDto;

  @ApiProperty({ type: CustomerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CustomerDto)
  customer!: CustomerDto;

  @ApiProperty({ example: '刹车异响' })
  @Text(2000)
  symptoms!: string;

  @ApiPropertyOptional({ description: 'The vehicle-repair ticket, if any' })
  @IsOptional()
  @IsUUID()
  vehicleRepairTicketId?: string;
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
  @ValidateNested()
  @Type(() => FleetRequestDto)
  fleet?: FleetRequestDto;
}

/** G5 §2: without an appointment. */
export class RegisterWalkInDto extends VisitDto {
  @ApiProperty({ example: '前轮刹车片磨损到限' })
  @Text(2000)
  preliminaryDiagnosis!: string;
}

export class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
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

export class ReceiveDto {
  @ApiPropertyOptional({ example: 42000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  mileageKm?: number;
}

export class RepairItemDto {
  @ApiProperty({ example: 'BRAKE-PAD-F' })
  @Text(64)
  code!: string;

  @ApiProperty({ example: '更换前刹车片' })
  @Text(500)
  description!: string;

  @ApiProperty({ example: 8000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  labourFen!: number;

  @ApiProperty({ example: 32000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  partsFen!: number;
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

export class WorkOrderDto {
  @ApiProperty({ example: 'tech-li' })
  @Text(64)
  technicianId!: string;

  @ApiPropertyOptional({ example: { 'SHOCK-R': 2 } })
  @IsOptional()
  @IsObject()
  partsToOrder?: Record<string, number>;
}

export class ProgressDto {
  @ApiProperty({ example: '已拆下前轮，等待刹车片' })
  @Text(2000)
  progress!: string;

  @ApiProperty()
  @IsBoolean()
  customerTold!: boolean;
}

export class ChangeDto {
  @ApiProperty({ example: '刹车盘亦磨损' })
  @Text(2000)
  reason!: string;

  @ApiProperty({ type: RepairItemDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RepairItemDto)
  addedItems!: RepairItemDto[];
}

export class ChangeDecisionDto extends NoteDto {
  @ApiProperty()
  @IsBoolean()
  agreed!: boolean;
}

export class SelfCheckDto {
  @ApiProperty({ example: '制动测试合格' })
  @Text(2000)
  note!: string;
}

export class InspectionDto {
  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ example: '路试制动正常' })
  @Text(2000)
  findings!: string;
}

export class SettleDto {
  @ApiProperty({ example: 32000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  partsFen!: number;

  @ApiProperty({ example: 8000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  labourFen!: number;

  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  otherFen!: number;

  @ApiProperty({ example: '上海国际汽车城新能源汽车运营服务有限公司' })
  @Text(200)
  invoiceTitle!: string;
}

export class FeeDisputeDto {
  @ApiProperty({ example: '工时费高于报价' })
  @Text(2000)
  reason!: string;

  @ApiProperty({ example: 3000 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  disputedFen!: number;
}

export class ResolveDisputeDto {
  @ApiProperty({ example: '按报价收取工时费' })
  @Text(2000)
  resolution!: string;

  @ApiProperty({ example: 37000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  agreedTotalFen!: number;
}

export class DeliverDto {
  @ApiProperty({ example: '王先生' })
  @Text(50)
  slipSignedBy!: string;

  @ApiProperty()
  @IsBoolean()
  cleaned!: boolean;
}

export class SurveyDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ConfigureShopDto {
  @ApiProperty({ example: '闵行维修站' })
  @Text(100)
  name!: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(100)
  bays!: number;

  @ApiProperty({ example: { 'BP-FRONT': 4 } })
  @IsObject()
  partsOnHand!: Record<string, number>;

  @ApiProperty({ example: 48 })
  @IsInt()
  @Min(0)
  @Max(2000)
  partsLeadHours!: number;
}

export class EmptyDto {}
