import {
  createMoneyProcessProjections,
  createStationFaultProjections,
  vaultOpener,
  type Projection,
  type ReadModelProjectionOptions,
} from '@opsdesk/read-models';
import type { OpsdeskResources } from './resources';

/**
 * Every projection the projector keeps; with a suffix, the same ones
 * writing beside the live tables, as a rebuild does.
 */
export function liveProjections(
  resources: Pick<OpsdeskResources, 'vault'>,
  tableSuffix?: string,
): Projection[] {
  // Projections open the sealed personal data with the ticket's key.
  const personalData = vaultOpener(resources.vault);
  return allProjections({ personalData, tableSuffix });
}

/**
 * Each live read model's name and the streams it takes, for a reader
 * of its checkpoint (`/metrics`), which applies no event.
 */
export function liveProjectionStreams(): Pick<
  Projection,
  'name' | 'streamPrefixes'
>[] {
  return allProjections({}).map(({ name, streamPrefixes }) => ({
    name,
    streamPrefixes,
  }));
}

function allProjections(options: ReadModelProjectionOptions): Projection[] {
  return [
    ...createStationFaultProjections(options),
    ...createMoneyProcessProjections(options),
  ];
}
