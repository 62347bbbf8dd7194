import type { GlobalPosition, RecordedEvent } from '@opsdesk/event-store';
import { advanceCheckpoint, type Projection } from '@opsdesk/read-models';
import type { PoolClient } from 'pg';

/**
 * Applies a page to the projection and moves its checkpoint, inside the
 * caller's transaction: the same pairing the projection runner commits,
 * so the staging checkpoint always matches the staging rows.
 */
export async function applyBatch(
  client: PoolClient,
  projection: Projection,
  from: GlobalPosition | null,
  events: readonly RecordedEvent[],
): Promise<GlobalPosition> {
  const last = events[events.length - 1].position;
  await advanceCheckpoint(client, projection.name, from, last, events.length);
  await projection.apply(client, events);
  return last;
}
