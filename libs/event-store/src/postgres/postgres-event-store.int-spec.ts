import { createTestSchema } from '../../../../test/support/database';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { startPostgresHarness } from '../testing/postgres-harness';

describeEventStoreContract('postgres', async () =>
  startPostgresHarness(await createTestSchema('es_contract')),
);
