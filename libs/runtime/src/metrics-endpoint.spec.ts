import { createLogger } from '@opsdesk/platform';
import { metricsEndpointSettings } from './metrics-endpoint.module';

const logger = createLogger('test', 'silent');

describe('METRICS_PORT', () => {
  it('serves nothing unless set, and binds HOST (127.0.0.1 unless told)', () => {
    expect(metricsEndpointSettings(logger, {})).toMatchObject({
      port: undefined,
      host: '127.0.0.1',
    });
    expect(
      metricsEndpointSettings(logger, {
        METRICS_PORT: '9464',
        HOST: '0.0.0.0',
      }),
    ).toMatchObject({ port: 9464, host: '0.0.0.0' });
  });

  it('refuses what is not a port, naming the setting', () => {
    for (const value of ['0', '70000', 'nine', '-1']) {
      expect(() =>
        metricsEndpointSettings(logger, { METRICS_PORT: value }),
      ).toThrow(/METRICS_PORT/);
    }
  });
});
