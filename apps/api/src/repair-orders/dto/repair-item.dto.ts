import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_FEN, Text } from './field-rules';

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
