import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
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

/** Trigger (G1 1–2, G4 2.3 / 3.2): the driver's report by phone. */
export class ReportVehicleFaultDto {
  @ApiProperty({ example: 'M-310000-5521' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId!: string;

  @ApiProperty({ example: '沪A·D12345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  plate!: string;

  @ApiProperty({ type: CallerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallerDto)
  caller!: CallerDto;

  @ApiProperty({ example: '仪表盘故障灯常亮，制动踏板发软' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({
    description: '故障发生时间',
    example: '2026-03-02T13:30:00+08:00',
  })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiProperty({ example: '上海市浦东新区张杨路500号路边' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location!: string;

  @ApiProperty({
    description: '已采取的应急措施',
    example: '已靠边停车，关闭电源',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  emergencyMeasures!: string;

  @ApiProperty({ description: '车辆能否行驶；不能则派救援' })
  @IsBoolean()
  canMove!: boolean;

  @ApiProperty({ enum: ['member', 'fleet'], description: '付费方' })
  @IsIn(['member', 'fleet'])
  payer!: 'member' | 'fleet';

  @ApiPropertyOptional({ description: 'Required when the fleet pays' })
  @ValidateIf((o: ReportVehicleFaultDto) => o.payer === 'fleet')
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  fleetId?: string;
}

/** G1 3 */
export class DispatchRescueDto extends NoteDto {
  @ApiProperty({ example: '沪B·J8801 拖车' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  rescueVehicle!: string;

  @ApiPropertyOptional({ example: '2026-03-02T14:40:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expectedArrivalAt?: string;
}

export class TowedInDto extends NoteDto {}

/** G1 4 */
export class ReceiveVehicleDto {
  @ApiProperty({ example: '荣威 Ei5' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  model!: string;

  @ApiProperty({ example: '沪A·D12345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  plate!: string;

  @ApiProperty({ example: '故障灯常亮，制动踏板行程过长' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  symptoms!: string;

  @ApiProperty({ description: '使用情况', example: '分时租赁，日均 120 公里' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  usage!: string;

  @ApiPropertyOptional({ example: 48210 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  mileageKm?: number;
}

/** G1 5 */
export class DiagnoseFaultDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  diagnosis!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  repairPlan!: string;

  @ApiProperty({ description: '估价（分）', example: 86000 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  quoteFen!: number;

  @ApiProperty({ enum: ['ordinary', 'difficult', 'major'] })
  @IsIn(['ordinary', 'difficult', 'major'])
  faultClass!: 'ordinary' | 'difficult' | 'major';

  @ApiPropertyOptional({ description: 'Required unless the fault is ordinary' })
  @ValidateIf((o: DiagnoseFaultDto) => o.faultClass !== 'ordinary')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  escalationReason?: string;
}

export class ReasonDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class GuidanceDto {
  @ApiProperty({ example: '按厂家方案更换模组' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  guidance!: string;
}

export class ApproveQuoteDto extends NoteDto {}

export class ReturnUnrepairedDto extends NoteDto {}

/** G3 3: found while repairing. */
export class EscalateFaultDto extends ReasonDto {
  @ApiProperty({ enum: ['difficult', 'major'] })
  @IsIn(['difficult', 'major'])
  faultClass!: 'difficult' | 'major';
}

/** G1 7 */
export class CompleteRepairDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  workDone!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  partsReplaced?: string[];
}

/** G1 8 */
export class QualityCheckDto extends NoteDto {
  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ description: 'Required when the check fails' })
  @ValidateIf((o: QualityCheckDto) => o.passed === false)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  findings?: string;
}

export class NotifyOwnerDto extends NoteDto {
  @ApiProperty({ enum: ['phone', 'sms', 'app'] })
  @IsIn(['phone', 'sms', 'app'])
  channel!: 'phone' | 'sms' | 'app';
}

export class CollectedDto {
  @ApiProperty({ description: '取车人', example: '王先生' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  collectedBy!: string;
}

/** G1 9 */
export class WarrantyClaimDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
}

export class WarrantyFollowUpDto extends NoteDto {
  @ApiProperty({ enum: ['reached', 'unreachable'] })
  @IsIn(['reached', 'unreachable'])
  contactOutcome!: 'reached' | 'unreachable';
}

/** G1 10 */
export class VehicleSurveyDto {
  @ApiProperty({ description: '车主是否回答了满意度调查' })
  @IsBoolean()
  answered!: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description: 'Required when answered',
  })
  @ValidateIf((o: VehicleSurveyDto) => o.answered === true)
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiProperty({ enum: ['phone', 'form', 'online'] })
  @IsIn(['phone', 'form', 'online'])
  channel!: 'phone' | 'form' | 'online';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** G3 6 */
export class AnalysisReportDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  rootCause!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  report!: string;
}
