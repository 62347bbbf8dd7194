import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { REPEAT_CALL_SUBJECT_IDS } from '@opsdesk/domain';
import { IsPhone } from '../../process-actions/dto-checks';

const NOTIFIED = [
  'subsidiary-ops-head',
  'hq-pr-manager',
  'subsidiary-gm',
  'cs-phone-agent',
] as const;

/** The phone may be missing when the member id identifies the caller. */
export class RepeatCallerDto {
  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @IsString()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: '王先生' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

/**
 * Boxes 2–3: the call, the problem, the time frame promised. The caller
 * is known by a phone, a member id or both; a member alone needs no
 * `caller`.
 */
export class RecordCallDto {
  @ApiPropertyOptional({ type: RepeatCallerDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RepeatCallerDto)
  caller?: RepeatCallerDto;

  @ApiPropertyOptional({ example: 'M-310000-5521' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId?: string;

  @ApiProperty({ enum: REPEAT_CALL_SUBJECT_IDS, example: 'refund' })
  @IsIn(REPEAT_CALL_SUBJECT_IDS)
  subject!: string;

  @ApiProperty({ example: '押金退款一周未到账' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  issue!: string;

  @ApiProperty({ example: '24小时内回电' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  promisedTimeframe!: string;

  @ApiPropertyOptional({
    description: 'When the call came in; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  calledAt?: string;
}

/** A call that did not escalate, settled by the agent. */
export class CloseCallDto {
  @ApiProperty({ example: '已按承诺时效回电，退款已到账' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution!: string;
}

export class UnlinkCallDto {
  @ApiProperty({ description: 'The linked call ticket to take out' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  linkedTicketId!: string;

  @ApiProperty({ example: '首次来电为其他订单' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class RecordingDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  ticketId!: string;

  @ApiProperty({ example: 'REC-20260304-0001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  recordingRef!: string;
}

/** Box 5: one recording for each call of the group. */
export class ReviewRecordingsDto {
  @ApiProperty({ type: [RecordingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RecordingDto)
  recordings!: RecordingDto[];

  @ApiProperty({ example: '三次来电均为同一笔押金退款' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  findings!: string;
}

/** 事件上报模板 (box 7). */
export class IncidentTemplateDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  userDemand!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  impact!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  actionsSoFar?: string;
}

export class ReportIncidentDto {
  @ApiProperty({ type: IncidentTemplateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IncidentTemplateDto)
  template!: IncidentTemplateDto;
}

/** Box 8. */
export class ClassifyIncidentDto {
  @ApiProperty()
  @IsBoolean()
  externalComplaint!: boolean;

  @ApiProperty()
  @IsBoolean()
  mediaExposure!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** Box 13. */
export class DraftPlanDto {
  @ApiProperty({ example: '财务当日加急退款，运营致电致歉' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  plan!: string;
}

/** Box 14. */
export class ReviewPlanDto {
  @ApiProperty()
  @IsBoolean()
  approved!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comments?: string;

  @ApiPropertyOptional({ description: 'Required when sent back' })
  @ValidateIf((o: ReviewPlanDto) => o.approved === false)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

/** Box 9. */
export class CallBackDto {
  @ApiProperty({ enum: ['reached', 'unreachable'] })
  @IsIn(['reached', 'unreachable'])
  contactOutcome!: 'reached' | 'unreachable';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class FollowUpDto {
  @ApiProperty()
  @IsBoolean()
  resolved!: boolean;

  @ApiProperty({ example: '退款已到账，用户认可' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

/** Box 10. */
export class NotifyResultDto {
  @ApiProperty({ enum: NOTIFIED, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(NOTIFIED, { each: true })
  notified!: (typeof NOTIFIED)[number][];

  @ApiProperty({ example: '已退款，用户满意' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary!: string;
}
