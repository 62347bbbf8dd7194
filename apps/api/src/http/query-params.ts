import { ApiError } from './api-error';

/**
 * Refuses query parameters an endpoint does not take, naming each: a
 * misspelt filter (`?stauts=CLOSED`) would otherwise be ignored, and the
 * answer would list everything as if it had matched.
 */
export function onlyQueryParams(
  query: Record<string, unknown>,
  taken: readonly string[],
): void {
  const unknown = Object.keys(query).filter((name) => !taken.includes(name));
  if (unknown.length === 0) return;
  throw new ApiError(
    400,
    'INVALID_REQUEST',
    `Unknown query parameter ${unknown.join(', ')}`,
    {
      fields: unknown.map((name) => ({
        field: `query.${name}`,
        problems: [`not taken here; takes ${taken.join(', ')}`],
      })),
    },
  );
}
