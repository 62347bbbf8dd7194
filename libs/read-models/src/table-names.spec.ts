import { createStationFaultProjections } from './station-fault/station-fault.projections';
import { tableName } from './table-names';

describe('read-model table names under a rebuild suffix', () => {
  const projections = createStationFaultProjections({ tableSuffix: '_next' });

  it('suffix every table, its DDL and the checkpoint name', () => {
    expect(projections.map((p) => [p.name, p.tables])).toEqual([
      ['ticket-view_next', ['ticket_view_next']],
      ['inbox_next', ['inbox_items_next', 'inbox_folds_next']],
      ['timeline_next', ['timeline_entries_next']],
      [
        'reporting_next',
        [
          'reporting_tickets_next',
          'reporting_custody_next',
          'reporting_folds_next',
        ],
      ],
    ]);
    const ddl = projections.flatMap((p) => p.migrations.map((m) => m.sql));
    expect(ddl.join('\n')).not.toMatch(
      /CREATE TABLE (ticket_view|inbox_items|inbox_folds|timeline_entries|reporting_tickets|reporting_custody|reporting_folds) /,
    );
    // Nor does a later migration alter, fill or rewrite a live table.
    expect(ddl.join('\n')).not.toMatch(
      /(ALTER TABLE|INSERT INTO|FROM|CLUSTER) (ticket_view|inbox_items|inbox_folds|timeline_entries|reporting_tickets|reporting_custody|reporting_folds)\b/,
    );
  });

  it('refuses a suffix that is not a plain identifier', () => {
    expect(() => tableName('ticket_view', '; DROP TABLE x')).toThrow(
      expect.objectContaining({
        code: 'READ_MODEL_INVALID_TABLE_NAME',
        tableName: 'ticket_view; DROP TABLE x',
      }),
    );
  });
});
