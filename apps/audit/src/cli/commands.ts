import { conformanceCommand } from '../conformance/conformance.command';
import { exportCommand } from '../export/export.command';
import { historyCommand } from '../history/history.command';
import { rebuildCommand } from '../rebuild/rebuild.command';
import { stateCommand } from '../state/state.command';
import { verifyCommand } from '../verify/verify.command';
import type { AuditCommand } from './audit-command';

/** Every command, in the order the help lists them. */
export const AUDIT_COMMANDS: readonly AuditCommand[] = [
  historyCommand,
  stateCommand,
  verifyCommand,
  rebuildCommand,
  exportCommand,
  conformanceCommand,
];

export function commandNamed(name: string): AuditCommand | undefined {
  return AUDIT_COMMANDS.find((command) => command.name === name);
}
