import { loadConfig, ConfigError } from '../src/config';

describe('configuration', () => {
  it('has defaults for development: port 4000, embedded database, a local signing secret', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embedded.dir).toBe('.data/postgres');
    expect(config.auth.secret).toBeDefined();
    expect(config.seedOnEmpty).toBe(true);
  });

  it('publishes statistics from 5 by default, from a higher threshold when set, from the primary unless DATABASE_READ_URL', () => {
    expect(loadConfig({}).statistics).toEqual({ threshold: 5, readUrl: undefined });
    expect(loadConfig({ STATISTICS_THRESHOLD: '10', DATABASE_READ_URL: 'postgresql://r/db' }).statistics).toEqual({ threshold: 10, readUrl: 'postgresql://r/db' });
  });

  it('uses DATABASE_URL and then seeds only on request', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' });
    expect(config.databaseUrl).toBe('postgresql://u@h:5432/db');
    expect(config.seedOnEmpty).toBe(false);
  });

  it.each([
    [{ PORT: 'forty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ OIDC_ISSUER: 'https://idp.example' }, 'OIDC_JWKS_URL'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgresql://h/db' }, 'OIDC_ISSUER'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://i.example', OIDC_AUDIENCE: 'a', OIDC_JWKS_URL: 'https://i.example/jwks' }, 'DATABASE_URL'],
    [{ STATISTICS_THRESHOLD: '4' }, 'STATISTICS_THRESHOLD'],
    [{ DATABASE_READ_URL: 'http://replica' }, 'DATABASE_READ_URL'],
  ])('refuses %p and names %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${variable}\\b`));
  });

  it('has no default signing secret in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://h/db',
      OIDC_ISSUER: 'https://idp.example',
      OIDC_AUDIENCE: 'pre-api',
      OIDC_JWKS_URL: 'https://idp.example/jwks',
    });
    expect(config.auth.secret).toBeUndefined();
    expect(config.auth.oidc).toEqual({ issuer: 'https://idp.example', audience: 'pre-api', jwksUrl: 'https://idp.example/jwks' });
  });
});
