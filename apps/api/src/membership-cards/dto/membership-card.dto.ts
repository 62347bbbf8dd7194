import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
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

export class InquiryCallerDto {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @IsPhone()
  phone!: string;
}

/** 4.2 */
export class ReceiveCardInquiryDto {
  @ApiProperty({ example: 'M-310000-5521' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId!: string;

  @ApiPropertyOptional({ type: InquiryCallerDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InquiryCallerDto)
  caller?: InquiryCallerDto;
}

export class CardSelfCheckDto extends NoteDto {}

/** 4.3.1: the reason, where the management platform has one. */
export class RejectedDto extends NoteDto {
  @ApiPropertyOptional({ example: '驾驶证照片不清晰' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

/** 4.3.2: the courier record is looked up by the system, not sent. */
export class CardProgressDto extends NoteDto {}

/** 3.1 / 4.1: the marketing post's entry once a card is posted. */
export class RecordCardMailedDto {
  @ApiProperty({ example: 'M-310000-5521' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId!: string;

  @ApiPropertyOptional({ example: 'EV-000123' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cardNo?: string;

  @ApiProperty({ example: '顺丰速运' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  courier!: string;

  @ApiProperty({ example: 'SF1234567890' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  trackingNo!: string;

  @ApiPropertyOptional({ description: 'When it was posted; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  mailedAt?: string;
}
