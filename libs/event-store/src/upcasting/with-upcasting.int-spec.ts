import { createTestSchema } from '../../../../test/support/database';
import { startPostgresHarness } from '../testing/postgres-harness';
import { describeUpcastingOver } from '../testing/upcasting.contract';

describeUpcastingOver('postgres', async () => {
  const schema = await createTestSchema('es_upcast');
  const harness = await startPostgresHarness(schema);
  return {
    store: harness.store,
    async storedRows(stream) {
      const result = await schema.pool.query<{
        version: number;
        data: unknown;
      }>(
        `SELECT schema_version AS version, data FROM events
         WHERE stream_name = $1 ORDER BY revision`,
        [stream],
      );
      return result.rows;
    },
    cleanup: () => harness.cleanup(),
  };
});
