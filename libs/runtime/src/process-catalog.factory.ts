import { stationFaultProcess } from '@opsdesk/domain';
import { ProcessCatalog } from '@opsdesk/messaging';
import type { OpsdeskConfig } from '@opsdesk/platform';

/** Every process this installation runs, with its configuration. */
export function createProcessCatalog(config: OpsdeskConfig): ProcessCatalog {
  return new ProcessCatalog().register(stationFaultProcess, {
    resultNotifier: config.resultNotifier,
  });
}
