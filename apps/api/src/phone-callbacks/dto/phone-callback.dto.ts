import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsPhone } from '../../process-actions/dto-checks';

class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

class RequiredNoteDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note!: string;
}

export class CallbackContactDto {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @IsPhone()
  phone!: string;

  @ApiPropertyOptional({ example: '李女士' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

/**
 * P08 2.1–2.4: a call-back an agent opens. A station-fault result's
 * call-back (G-c) is opened by the centre's automation, not here.
 */
export class OpenCallbackDto {
  @ApiProperty({
    enum: [
      'user-requested',
      'silent-or-no-response',
      'poor-audio',
      'agent-promised',
    ],
  })
  @IsIn([
    'user-requested',
    'silent-or-no-response',
    'poor-audio',
    'agent-promised',
  ])
  reason!: string;

  @ApiProperty({ type: CallbackContactDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallbackContactDto)
  contact!: CallbackContactDto;

  @ApiProperty({ example: '用户询问发票进度，承诺今日回电' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  subject!: string;
}

/** 4.1 */
export class PrepareCallbackDto extends NoteDto {}

/** 4.2 / 4.3 */
export class CallAttemptDto extends NoteDto {
  @ApiProperty({ enum: ['answered', 'no-answer', 'not-convenient'] })
  @IsIn(['answered', 'no-answer', 'not-convenient'])
  outcome!: 'answered' | 'no-answer' | 'not-convenient';
}

/** 4.2 */
export class ReportUnreachedDto extends NoteDto {}

/** 4.4–4.6 */
export class ConcludeCallDto extends NoteDto {
  @ApiProperty({ description: '用户是否满意处理结果' })
  @IsBoolean()
  userSatisfied!: boolean;

  @ApiPropertyOptional({ description: 'Required when not satisfied' })
  @ValidateIf((o: ConcludeCallDto) => o.userSatisfied === false)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  doubts?: string;

  @ApiPropertyOptional({ enum: ['cs-shift-leader', 'cs-supervisor'] })
  @IsOptional()
  @IsIn(['cs-shift-leader', 'cs-supervisor'])
  escalateTo?: 'cs-shift-leader' | 'cs-supervisor';
}

/** 4.6 */
export class SecondCallDto extends NoteDto {
  @ApiProperty()
  @IsBoolean()
  userSatisfied!: boolean;
}

/** 4.6 */
export class OpenComplaintDto extends RequiredNoteDto {
  @ApiPropertyOptional({ example: 'TS-20261204-0007' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  complaintRef?: string;
}

export class CloseDissatisfiedDto extends RequiredNoteDto {}

export class CloseUnreachedDto extends RequiredNoteDto {}

export class CancelCallbackDto extends NoteDto {
  @ApiProperty({ enum: ['reporter-informed-directly', 'other'] })
  @IsIn(['reporter-informed-directly', 'other'])
  reason!: 'reporter-informed-directly' | 'other';
}
