import {
  createMoneyProcessProjections,
  createStationFaultProjections,
  vaultOpener,
  type Projection,
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
  return [
    ...createStationFaultProjections({ personalData, tableSuffix }),
    ...createMoneyProcessProjections({ personalData, tableSuffix }),
  ];
}
