import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Max, Min } from 'class-validator';
import { Text } from './field-rules';

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
