import { toCsv } from './csv';

describe('a report as CSV', () => {
  const csv = toCsv(
    ['day', 'stationName', 'reported', 'rate', 'note'],
    [
      { day: '2026-03-01', stationName: '虹桥路网点', reported: 3, rate: 0.5 },
      {
        day: '2026-03-02',
        stationName: '网点 "A", 北门',
        reported: -1,
        note: '=1+1',
      },
    ],
  );

  it('starts with a BOM and a header row, and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFFday,stationName,reported,rate,note\r\n')).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes what needs quoting and never starts a cell with a formula', () => {
    expect(csv.slice(1).split('\r\n')).toEqual([
      'day,stationName,reported,rate,note',
      '2026-03-01,虹桥路网点,3,0.5,',
      `2026-03-02,"网点 ""A"", 北门",-1,,'=1+1`,
      '',
    ]);
  });
});
