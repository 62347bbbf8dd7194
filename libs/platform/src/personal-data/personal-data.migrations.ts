import type { Migration } from '../postgres';

/** The data keys of personal data and the record of erasures. */
export const personalDataMigrations: readonly Migration[] = [
  {
    id: 'personal-data/001-keys',
    sql: `
      CREATE TABLE personal_data_keys (
        subject text PRIMARY KEY,
        data_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE personal_data_erasures (
        subject text PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now(),
        erased_by jsonb NOT NULL
      );
    `,
  },
];
