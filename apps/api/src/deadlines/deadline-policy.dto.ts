import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsISO8601,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * A policy version as proposed. The rules' inner shape is checked by the
 * domain, which names every failing field (`rules.2.clock`).
 */
export class DeadlinePolicyDraftDto {
  @ApiProperty({ example: [{ from: '09:00', to: '18:00' }] })
  @IsArray()
  workingHours!: object[];

  @ApiProperty({
    example: [
      {
        processId: 'station-fault',
        step: 'AWAITING_DISPATCH',
        clock: 'working',
        deadlineMinutes: 60,
        warnAfterMinutes: [45],
        onBreach: [{ type: 'escalate', role: 'cs-supervisor' }],
      },
    ],
  })
  @IsArray()
  rules!: object[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** A new version, effective from now or from a later instant. */
export class PublishDeadlinePolicyDto extends DeadlinePolicyDraftDto {
  @ApiPropertyOptional({ example: '2026-12-07T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveFrom?: string;
}

/** Replay the tickets begun in `[from, to)` under a proposal. */
export class WhatIfDto {
  @ApiProperty({ example: '2026-11-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ description: 'A proposed policy (or `version`)' })
  @IsOptional()
  @IsObject()
  policy?: DeadlinePolicyDraftDto;

  @ApiPropertyOptional({ description: 'A published version to replay under' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
