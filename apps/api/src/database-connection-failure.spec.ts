import {
  describeConnectionFailure,
  redactDatabaseUrl,
} from './database-connection-failure';

const URL_WITH_PASSWORD = 'postgres://ops:s3cret@127.0.0.1:5432/opsdesk';

function failure(fields: { code?: string; message?: string }) {
  return Object.assign(new Error(fields.message ?? 'failed'), fields);
}

describe('a database URL in a log line', () => {
  it('keeps the user, host, port and database but drops the password', () => {
    expect(redactDatabaseUrl(URL_WITH_PASSWORD)).toBe(
      'postgres://ops@127.0.0.1:5432/opsdesk',
    );
  });

  it('is replaced when it is not a URL at all', () => {
    expect(redactDatabaseUrl('host=db password=x')).not.toContain('password');
  });
});

describe('a failure to reach PostgreSQL', () => {
  it.each(['ECONNREFUSED', 'ETIMEDOUT', '57P03'])(
    'names the URL without password and how to start PostgreSQL (%s)',
    (code) => {
      const line = describeConnectionFailure(
        failure({ code }),
        URL_WITH_PASSWORD,
      );
      expect(line).toContain('postgres://ops@127.0.0.1:5432/opsdesk');
      expect(line).toContain('pg_ctlcluster');
      expect(line).not.toContain('s3cret');
      expect(line).not.toContain('\n');
    },
  );

  it('is recognised from pg’s connection timeout, which has no code', () => {
    const line = describeConnectionFailure(
      failure({ message: 'timeout expired' }),
      URL_WITH_PASSWORD,
    );
    expect(line).toContain('pg_ctlcluster');
  });

  it.each(['3D000', '28P01', 'ENOTFOUND'])(
    'still names the URL when the server answers with %s',
    (code) => {
      const line = describeConnectionFailure(
        failure({ code }),
        URL_WITH_PASSWORD,
      );
      expect(line).toContain('postgres://ops@127.0.0.1:5432/opsdesk');
      expect(line).not.toContain('s3cret');
    },
  );
});

describe('a failure that is not about the connection', () => {
  it('is left to the caller', () => {
    const syntax = failure({ code: '42601', message: 'syntax error' });
    expect(
      describeConnectionFailure(syntax, URL_WITH_PASSWORD),
    ).toBeUndefined();
  });
});
