import { isSealed, openText, sealText } from './sealed-text';

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `data` with the string at one dotted path replaced by
 * `change(value)` (removed when it returns undefined). Other paths and the
 * original object are untouched.
 */
function withPath(
  data: Data,
  path: readonly string[],
  change: (value: string) => string | undefined,
): Data {
  const [head, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(data, head)) return data;
  const current = data[head];
  const copy: Data = { ...data };
  if (rest.length > 0) {
    if (!isRecord(current)) return data;
    copy[head] = withPath(current, rest, change);
    return copy;
  }
  if (typeof current !== 'string') return data;
  const next = change(current);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

function contextOf(subject: string, path: string): string {
  return `${subject}|${path}`;
}

/** `data` with the strings at `paths` sealed under the subject's key. */
export function sealFields(
  data: Data,
  paths: readonly string[],
  key: Buffer,
  subject: string,
): Data {
  return paths.reduce(
    (current, path) =>
      withPath(current, path.split('.'), (value) =>
        isSealed(value)
          ? value
          : sealText(value, key, contextOf(subject, path)),
      ),
    data,
  );
}

/**
 * `data` with the sealed strings at `paths` opened; without a key (it was
 * erased) or when a value does not open, the field is left out.
 */
export function openFields(
  data: Data,
  paths: readonly string[],
  key: Buffer | null,
  subject: string,
): Data {
  return paths.reduce(
    (current, path) =>
      withPath(current, path.split('.'), (value) => {
        if (!isSealed(value)) return value;
        return key ? openText(value, key, contextOf(subject, path)) : undefined;
      }),
    data,
  );
}

/** `data` with the fields at `paths` left out. */
export function withoutFields(data: Data, paths: readonly string[]): Data {
  return paths.reduce(
    (current, path) => withPath(current, path.split('.'), () => undefined),
    data,
  );
}
