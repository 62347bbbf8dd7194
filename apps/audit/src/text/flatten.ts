/** A value at a dotted path of an object, e.g. `reporter.phone`. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Leaves of a plain object by dotted path; arrays are one leaf, so a
 * list that changed reads as one change.
 */
export function flatten(
  value: unknown,
  prefix = '',
  out: Map<string, unknown> = new Map(),
): Map<string, unknown> {
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix && value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

/** The fields that differ between two states, in the order of `after`. */
export function changesBetween(before: unknown, after: unknown): FieldChange[] {
  const old = flatten(before);
  const now = flatten(after);
  const changes: FieldChange[] = [];
  for (const [field, value] of now) {
    if (!sameValue(old.get(field), value)) {
      changes.push({ field, before: old.get(field), after: value });
    }
  }
  for (const [field, value] of old) {
    if (!now.has(field))
      changes.push({ field, before: value, after: undefined });
  }
  return changes;
}

/** A leaf as one short piece of text. */
export function showValue(value: unknown): string {
  if (value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
