import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_FEN, Text } from './field-rules';

export class RepairSettleDto {
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

export class RepairSurveyDto {
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
