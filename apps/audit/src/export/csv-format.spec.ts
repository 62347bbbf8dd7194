import { TICKET_IDS } from '../../../../libs/read-models/src/testing/station-fault-scenario.fixture';
import { scenarioStore } from '../testing/scenario-store';
import { CSV_COLUMNS, csvCell, csvHeader, csvRecord } from './csv-format';

describe('a CSV cell', () => {
  it.each([
    ['plain text as it is', 'abc', 'abc'],
    ['a comma inside quotes', 'a,b', '"a,b"'],
    ['quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break inside quotes', 'a\nb', '"a\nb"'],
    ['a leading = defused for spreadsheets', '=SUM(A1)', "'=SUM(A1)"],
    ['a leading + defused', '+8613800138000', "'+8613800138000"],
    ['Chinese unchanged', '接听来电', '接听来电'],
  ])('keeps %s', (_, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('an event as a CSV record', () => {
  it('fills every column, Chinese label and JSON data included', async () => {
    const { store } = await scenarioStore();
    const [first] = await store.readStream(
      `station-fault-${TICKET_IDS.supplierRepaired}`,
    );
    await store.close();
    const record = csvRecord(first);
    expect(record.endsWith('\r\n')).toBe(true);
    expect(record).toContain(',接听来电,Call received,');
    expect(record).toContain(
      ',agent-0017,李娜,cs-phone-agent,客服中心电话坐席,',
    );
    expect(record).toContain('""ticketNumber"":""SF-20261204-0042""');
    expect(csvHeader().trimEnd().split(',')).toEqual([...CSV_COLUMNS]);
  });
});
