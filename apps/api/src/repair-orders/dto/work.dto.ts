import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { Text } from './field-rules';
import { NoteDto } from './note.dto';
import { RepairItemDto } from './repair-item.dto';

export class WorkOrderDto {
  @ApiProperty({ example: 'tech-li' })
  @Text(64)
  technicianId!: string;

  @ApiPropertyOptional({ example: { 'SHOCK-R': 2 } })
  @IsOptional()
  @IsObject()
  partsToOrder?: Record<string, number>;
}

export class RepairProgressDto {
  @ApiProperty({ example: '已拆下前轮，等待刹车片' })
  @Text(2000)
  progress!: string;

  @ApiProperty()
  @IsBoolean()
  customerTold!: boolean;
}

export class ChangeDto {
  @ApiProperty({ example: '刹车盘亦磨损' })
  @Text(2000)
  reason!: string;

  @ApiProperty({ type: RepairItemDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RepairItemDto)
  addedItems!: RepairItemDto[];
}

export class ChangeDecisionDto extends NoteDto {
  @ApiProperty()
  @IsBoolean()
  agreed!: boolean;
}

export class RepairSelfCheckDto {
  @ApiProperty({ example: '制动测试合格' })
  @Text(2000)
  note!: string;
}

export class InspectionDto {
  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ example: '路试制动正常' })
  @Text(2000)
  findings!: string;
}
