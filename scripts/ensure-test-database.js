// Creates the tests' database (TEST_DATABASE_URL, by default "test" on the
// local PostgreSQL) when it is missing; each test file then makes a fresh
// schema in it.
const { Client } = require('pg');

const url = new URL(
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
);
const name = decodeURIComponent(url.pathname.slice(1));
const admin = new URL(url);
admin.pathname = '/postgres';

async function main() {
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    );
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`created the test database ${name}`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(
    `the tests need PostgreSQL at ${url.host} (database ${name}): ${error.message}`,
  );
  process.exit(1);
});
