import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_FEN } from '../../order-anomalies/dto/order-anomaly.dto';
import { IsPhone } from '../../process-actions/dto-checks';

class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

abstract class OrderToInvoiceDto {
  @ApiProperty({ example: 'ORD-20260220-55120' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  orderId!: string;

  @ApiProperty({ example: 'M-310000-9001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberId!: string;

  @ApiProperty({ description: '订单金额（分）', example: 5620 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiProperty({ description: 'When the order ended' })
  @IsISO8601({ strict: true })
  orderCompletedAt!: string;
}

export class EInvoiceBuyerDto {
  @ApiProperty({ description: '抬头', example: '上海某某科技有限公司' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '赵先生' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '会员卡号', example: 'EV310000123456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  memberCardNo!: string;

  @ApiProperty({ example: 'zhao@example.com' })
  @IsEmail()
  @MaxLength(200)
  email!: string;
}

/** 4.9: the user applies in the app; issued if 4.1's rules allow it. */
export class ApplyForEInvoiceDto extends OrderToInvoiceDto {
  @ApiProperty({ type: EInvoiceBuyerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EInvoiceBuyerDto)
  buyer!: EInvoiceBuyerDto;
}

/** 《用户开票信息表》 */
export class InvoiceSheetDto {
  @ApiProperty({ description: '抬头' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '13700007777' })
  @IsString()
  @IsPhone()
  phone!: string;

  @ApiProperty({ example: '上海市浦东新区张杨路500号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;

  @ApiPropertyOptional({ description: '税号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  taxId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;
}

/** 4.3–4.4: a paper invoice asked for by phone. */
export class PaperInvoiceRequestDto extends OrderToInvoiceDto {
  @ApiProperty({ type: InvoiceSheetDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => InvoiceSheetDto)
  sheet!: InvoiceSheetDto;
}

export class SendTasksDto extends NoteDto {
  @ApiProperty({ example: 'TB-5521' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  tbTaskId!: string;
}

export class SubmitApplicationDto extends NoteDto {}

export class InvoiceNumberDto {
  @ApiProperty({ example: 'PI-0000450' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  invoiceNo!: string;
}

export class MailInvoiceDto {
  @ApiProperty({ example: '顺丰' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  courier!: string;

  @ApiProperty({ example: 'SF1234567890' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  trackingNo!: string;
}

export class InvoiceResultDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  result!: string;
}

export class ReasonDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ApproveReissueDto extends NoteDto {}
