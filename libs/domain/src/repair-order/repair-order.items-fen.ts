import type { Fen } from '../shared';
import type { RepairItem } from './repair-order.commands';

/** Labour and parts of a list of repair items, together, in fen. */
export function itemsFen(items: readonly RepairItem[]): Fen {
  return items.reduce((sum, i) => sum + i.labourFen + i.partsFen, 0);
}
