import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAIL_CATEGORIES, type MailCategory } from '@opsdesk/domain';

export class SenderDto {
  @ApiProperty({ example: 'liu.nvshi@example.com' })
  @IsString()
  @IsEmail()
  @MaxLength(320)
  address!: string;

  @ApiPropertyOptional({ example: '刘女士' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

/** A mail recorded by hand, from a mailbox no adapter reads. */
export class ReceiveMailDto {
  @ApiPropertyOptional({
    description: 'The Message-ID header; one is made when absent',
    example: '<20260302134000.5521@mail.example.com>',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(998)
  messageId?: string;

  @ApiProperty({ type: SenderDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SenderDto)
  from!: SenderDto;

  @ApiProperty({ example: '会员卡押金退还咨询' })
  @IsString()
  @MaxLength(998)
  subject!: string;

  @ApiProperty({ example: '您好，我想咨询押金退还需要多久？' })
  @IsString()
  @MaxLength(50_000)
  body!: string;

  @ApiPropertyOptional({ description: 'The Date header' })
  @IsOptional()
  @IsISO8601({ strict: true })
  sentAt?: string;

  @ApiPropertyOptional({
    description: 'When the mailbox received it; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}

export class TriageMailDto {
  @ApiProperty({ enum: MAIL_CATEGORIES })
  @IsIn(MAIL_CATEGORIES)
  category!: MailCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class FaqReplyDto {
  @ApiProperty({ description: 'FAQ 条目或主页公告', example: 'FAQ-押金-03' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  faqReference!: string;

  @ApiProperty({ example: '押金将在7个工作日内原路退回。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  reply!: string;
}

export class SubmitIncidentDto {
  @ApiProperty({ description: '递交的事件编号', example: 'INC-20260302-17' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  incidentReference!: string;

  @ApiPropertyOptional({ description: '告知用户正在处理的内容' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  userNotice?: string;
}

export class FollowUpLabelDto {
  @ApiProperty({ example: '待核实-计费' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label!: string;
}

export class ReplyDto {
  @ApiProperty({ example: '经核实，已为您退回多扣费用。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  reply!: string;
}

export class ForwardDto {
  @ApiProperty({ example: '运营管理部' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  department!: string;

  @ApiProperty({ description: '相关负责人', example: '王经理' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  owner!: string;

  @ApiPropertyOptional({ description: '告知用户的内容' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  userNotice?: string;
}

export class GuideReplyDto {
  @ApiProperty({ example: '先致歉，说明已安排专人跟进。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  guidance!: string;
}

export class EmailEscalateDto {
  @ApiProperty({ example: '市场与品牌管理部' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  department!: string;

  @ApiProperty({ description: '上报的领导', example: '客服中心经理' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  leadership!: string;

  @ApiProperty({ example: '用户称将向媒体投诉' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  summary!: string;
}
