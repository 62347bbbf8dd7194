import { Module } from '@nestjs/common';
import { ReportingQueries } from '@opsdesk/read-models';
import { PG_POOL } from '@opsdesk/runtime';
import type { Pool } from 'pg';
import { DashboardController } from './dashboard.controller';
import { ReportingController } from './reporting.controller';

/** `/reports/*` (figures) and `/dashboard` (the page that draws them). */
@Module({
  controllers: [ReportingController, DashboardController],
  providers: [
    {
      provide: ReportingQueries,
      useFactory: (pool: Pool) => new ReportingQueries(pool),
      inject: [PG_POOL],
    },
  ],
})
export class ReportingModule {}
