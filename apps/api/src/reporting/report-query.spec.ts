import { parseReportQuery, type KnownPlaces } from './report-query';

const places: KnownPlaces = {
  regionIds: new Set(['rp-pudong', 'rp-central']),
  hasStation: async (id) => id === 'ST-310115-007',
};

/** What a refusal says: status, code and the parameters it names. */
async function refusal(query: Record<string, unknown>, options = {}) {
  try {
    await parseReportQuery(query, places, options);
  } catch (error) {
    const e = error as {
      getStatus(): number;
      code: string;
      details: { fields: { field: string }[] };
    };
    return {
      status: e.getStatus(),
      code: e.code,
      fields: e.details.fields.map((f) => f.field),
    };
  }
  throw new Error('the query was accepted');
}

describe('a report query with every filter given well', () => {
  it('comes back as the filter, JSON by default', async () => {
    expect(
      await parseReportQuery(
        {
          from: '2026-03-01',
          to: '2026-03-31',
          regionId: 'rp-pudong',
          stationId: 'ST-310115-007',
          category: 'lighting',
        },
        places,
      ),
    ).toEqual({
      filter: {
        from: '2026-03-01',
        to: '2026-03-31',
        regionId: 'rp-pudong',
        stationId: 'ST-310115-007',
        category: 'lighting',
      },
      format: 'json',
      limit: 0,
      offset: 0,
    });
  });

  it('treats an empty value as absent', async () => {
    expect(
      await parseReportQuery({ from: '', format: 'csv' }, places),
    ).toMatchObject({ filter: {}, format: 'csv' });
  });
});

describe('a report query it cannot use', () => {
  it.each([
    [{ from: '2026-02-29' }, 'query.from'],
    [{ to: '2026-3-01' }, 'query.to'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'query.to'],
    [{ regionId: 'rp-nowhere' }, 'query.regionId'],
    [{ stationId: 'ST-310115-7' }, 'query.stationId'],
    [{ stationId: 'ST-310115-008' }, 'query.stationId'],
    [{ category: '充电桩' }, 'query.category'],
    [{ format: 'xlsx' }, 'query.format'],
    [{ from: ['2026-03-01', '2026-03-02'] }, 'query.from'],
    [{ page: '2' }, 'query.page'],
  ])('refuses %j with 400 naming %s', async (query, field) => {
    expect(await refusal(query)).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
      fields: [field],
    });
  });

  it('refuses a range longer than the report allows', async () => {
    expect(
      await refusal({ from: '2026-01-01', to: '2026-01-31' }, { maxDays: 30 }),
    ).toMatchObject({ fields: ['query.to'] });
    await expect(
      parseReportQuery({ from: '2026-01-01', to: '2026-01-30' }, places, {
        maxDays: 30,
      }),
    ).resolves.toMatchObject({ filter: { to: '2026-01-30' } });
  });

  it('refuses paging outside its bounds, and paging where there is none', async () => {
    const paged = { paged: { defaultLimit: 20, maxLimit: 500 } };
    expect(await refusal({ limit: '501', offset: '-1' }, paged)).toMatchObject({
      fields: ['query.limit', 'query.offset'],
    });
    expect(await refusal({ limit: '5' })).toMatchObject({
      fields: ['query.limit'],
    });
  });
});
