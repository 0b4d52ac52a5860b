import { loadConfig, ConfigError } from '../../src/config';

/** The settings of the token checks and the rate limits: defaults, and a wrong value names its variable. */
describe('security settings', () => {
  it('default to 12 h tokens, 60 s of skew, 300 requests a minute per account, 30 failures per 10 minutes per address', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.auth.maxLifetimeSeconds).toBe(43_200);
    expect(config.auth.clockSkewSeconds).toBe(60);
    expect(config.rateLimits).toEqual({ account: { points: 300, seconds: 60 }, authFailures: { points: 30, seconds: 600 } });
    expect(config.trustProxyHops).toBe(0);
  });

  it.each([
    ['TOKEN_MAX_LIFETIME_SECONDS', '10'],
    ['TOKEN_CLOCK_SKEW_SECONDS', '-1'],
    ['RATE_LIMIT_ACCOUNT_POINTS', '0'],
    ['RATE_LIMIT_AUTH_SECONDS', 'ten'],
    ['TRUST_PROXY', 'true'],
  ])('refuse %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ NODE_ENV: 'development', [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'development', [name]: value })).toThrow(new RegExp(name));
  });
});
