import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateIf,
} from 'class-validator';
import { MaxCodePoints } from '../../http/max-code-points';

class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxCodePoints(1000)
  note?: string;
}

/** 4.2 */
export class CreateFaultTaskDto extends NoteDto {}

/** 4.3, when routing is left to a person. */
export class DispatchToRegionDto extends NoteDto {
  @ApiProperty({ example: 'rp-pudong' })
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(64)
  regionalPlatformId!: string;
}

/** 4.4, when assignment is left to a person. */
export class AssignInspectionDto {
  @ApiProperty({ example: 'insp-pd-01' })
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(64)
  inspectorId!: string;
}

/** 4.5 */
export class StartInspectionDto {}

/** No fields: an erasure takes nothing but the ticket, and refuses any. */
export class EraseReporterDto {}

/** 4.6 / 4.7 (D1) */
export class InspectionResultDto {
  @ApiProperty({ description: '故障是否已排除' })
  @IsBoolean()
  cleared!: boolean;

  @ApiPropertyOptional({ description: 'Required when cleared' })
  @ValidateIf((o: InspectionResultDto) => o.cleared === true)
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(2000)
  resolutionNote?: string;

  @ApiPropertyOptional({ description: 'Required when not cleared' })
  @ValidateIf((o: InspectionResultDto) => o.cleared === false)
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(2000)
  findings?: string;

  @ApiPropertyOptional({ description: 'Required when not cleared' })
  @ValidateIf((o: InspectionResultDto) => o.cleared === false)
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(2000)
  reasonNotFixed?: string;
}

/** 4.8 */
export class ReportUnresolvedDto extends NoteDto {}

/** 4.9 */
export class EscalateDto extends NoteDto {}

/** 4.10 */
export class AssignOpsTeamDto {
  @ApiProperty({ example: 'ops-pudong' })
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(64)
  opsTeamId!: string;
}

/** 4.10 (D2) */
export class ClassifyFaultDto {
  @ApiProperty({ description: '是否充电桩问题' })
  @IsBoolean()
  isChargingPileIssue!: boolean;

  @ApiPropertyOptional({ description: 'Required for a charging-pile problem' })
  @ValidateIf((o: ClassifyFaultDto) => o.isChargingPileIssue === true)
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(64)
  supplierId?: string;

  @ApiPropertyOptional({ description: 'Required for a charging-pile problem' })
  @ValidateIf((o: ClassifyFaultDto) => o.isChargingPileIssue === true)
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(64)
  chargingPileId?: string;

  @ApiPropertyOptional({
    description: '网点维修与维护流程 ticket; made up when omitted',
  })
  @ValidateIf((o: ClassifyFaultDto) => o.isChargingPileIssue === false)
  @IsOptional()
  @IsString()
  @MaxCodePoints(64)
  repairTicketId?: string;
}

/** Gap G-a, and operations' own repair. */
export class HandlingResultDto {
  @ApiProperty({ enum: ['fixed', 'not-fixed'] })
  @IsIn(['fixed', 'not-fixed'])
  outcome!: 'fixed' | 'not-fixed';

  @ApiProperty({ example: '更换充电模块，恢复正常' })
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(2000)
  result!: string;
}

/** Gap G-b */
export class ReportResultDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(2000)
  result!: string;
}

/** 4.11 / 3.5 */
export class NotifyCustomerServiceDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxCodePoints(2000)
  resultSummary!: string;
}

/** Gap G-c */
export class InformReporterDto extends NoteDto {
  @ApiProperty({ enum: ['reached', 'unreachable'] })
  @IsIn(['reached', 'unreachable'])
  contactOutcome!: 'reached' | 'unreachable';
}
