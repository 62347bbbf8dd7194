import { Inject, Injectable } from '@nestjs/common';
import {
  moneyProcessReadModel,
  ProcessTicketQueries,
} from '@opsdesk/read-models';
import { PG_POOL } from '@opsdesk/runtime';
import type { Pool } from 'pg';

/** The read side of each money process, built once per process. */
@Injectable()
export class ProcessQueries {
  private readonly byProcess = new Map<string, ProcessTicketQueries>();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  of(processId: string): ProcessTicketQueries {
    let queries = this.byProcess.get(processId);
    if (!queries) {
      const spec = moneyProcessReadModel(processId);
      if (!spec) throw new Error(`No read model for process ${processId}`);
      queries = new ProcessTicketQueries(
        this.pool,
        spec.definition,
        spec.tablePrefix,
      );
      this.byProcess.set(processId, queries);
    }
    return queries;
  }
}
