import { displayWidth } from './display-width';
import { renderTable } from './text-table';

describe('a table with Chinese labels', () => {
  it('counts a Chinese character as two terminal cells', () => {
    expect(displayWidth('跳过步骤 skipped')).toBe(16);
  });

  it('aligns columns by cells, not by characters', () => {
    const text = renderTable(
      ['偏差', 'n'],
      [
        ['跳过步骤', '1'],
        ['loop', '12'],
      ],
    );
    const lines = text.trimEnd().split('\n');
    const secondColumn = lines.map((line) => {
      const at = line.lastIndexOf(' ') + 1;
      return displayWidth(line.slice(0, at));
    });
    expect(new Set(secondColumn).size).toBe(1);
  });
});
