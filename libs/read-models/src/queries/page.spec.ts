import { checkPage, MAX_PAGE_SIZE } from './page';

describe('a page request', () => {
  it('passes within bounds', () => {
    expect(checkPage({ limit: 20, offset: 40 })).toEqual({
      limit: 20,
      offset: 40,
    });
  });

  it.each([0, -1, 2.5, MAX_PAGE_SIZE + 1])('rejects limit %p', (limit) => {
    expect(() => checkPage({ limit, offset: 0 })).toThrow(
      expect.objectContaining({
        code: 'READ_MODEL_INVALID_PAGE',
        field: 'limit',
        value: limit,
      }),
    );
  });

  it('rejects a negative offset', () => {
    expect(() => checkPage({ limit: 10, offset: -5 })).toThrow(
      expect.objectContaining({
        code: 'READ_MODEL_INVALID_PAGE',
        field: 'offset',
        value: -5,
      }),
    );
  });
});
