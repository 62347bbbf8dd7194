import { InvalidPageError } from '../read-model.errors';
import type { Page } from './ticket-query.types';

export const MAX_PAGE_SIZE = 500;

/** Rejects what would be a full scan or nonsense, instead of clamping. */
export function checkPage({ limit, offset }: Page): Page {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidPageError('limit', limit, MAX_PAGE_SIZE);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidPageError('offset', offset);
  }
  return { limit, offset };
}
