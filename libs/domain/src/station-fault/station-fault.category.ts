import type { Label } from '../shared';

/**
 * What kind of equipment a station fault concerns. The manual names none;
 * reports need one, so intake decides it once and records it on
 * `fault-recorded` (docs: README, "Reporting").
 */
export const FAULT_CATEGORIES = {
  'charging-pile': { zh: '充电桩', en: 'Charging pile' },
  'barrier-gate': { zh: '道闸', en: 'Barrier gate' },
  lighting: { zh: '照明', en: 'Lighting' },
  'parking-space': { zh: '车位', en: 'Parking space' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>;

export type FaultCategory = keyof typeof FAULT_CATEGORIES;

export const FAULT_CATEGORY_IDS = Object.keys(
  FAULT_CATEGORIES,
) as FaultCategory[];

export function isFaultCategory(value: unknown): value is FaultCategory {
  return (
    typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(FAULT_CATEGORIES, value)
  );
}

// Checked in this order: a gate at a charging bay is still about the pile.
const KEYWORDS: readonly (readonly [FaultCategory, RegExp])[] = [
  ['charging-pile', /充电桩|充电枪|枪头|电桩|充电/],
  ['barrier-gate', /道闸|闸机|闸杆|抬杆|栏杆|起落杆/],
  ['lighting', /照明|灯/],
  ['parking-space', /车位|地锁|车位锁|占位|停车位/],
];

/**
 * Rule `fault-category/v1`: a suspected charging pile is `charging-pile`;
 * otherwise the first category whose keywords occur in the description
 * (compared after NFKC, so full-width text matches); else `other`.
 * Events recorded before the category existed are folded with this rule
 * too, so keep it as it is: a different rule is a new function (v2).
 */
export function categoriseFault(
  faultDescription: string,
  suspectedChargingPile: boolean,
): FaultCategory {
  if (suspectedChargingPile) return 'charging-pile';
  const text = faultDescription.normalize('NFKC');
  for (const [category, pattern] of KEYWORDS) {
    if (pattern.test(text)) return category;
  }
  return 'other';
}
