import { stationFaultProcess } from '@opsdesk/domain';
import { ProcessCatalog } from '@opsdesk/messaging';
import type { OpsdeskConfig } from '@opsdesk/platform';
import { registerDeadlineProcesses } from './deadlines.wiring';
import { registerMoneyProcesses } from './money-processes.wiring';
import { registerWiredProcesses } from './process-wirings';

/** Every process this installation runs, with its configuration. */
export function createProcessCatalog(config: OpsdeskConfig): ProcessCatalog {
  const catalog = new ProcessCatalog().register(stationFaultProcess, {
    resultNotifier: config.resultNotifier,
  });
  return registerWiredProcesses(
    registerDeadlineProcesses(registerMoneyProcesses(catalog, config)),
    config,
  );
}
