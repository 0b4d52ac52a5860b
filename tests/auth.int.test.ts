import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { Role } from '../src/entities';
import { TokenVerifier, signLocalToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { startTestServer, type TestServer } from './helpers/test-server';
import * as f from './factories';

const VIEWER = '{ viewer { displayName role } }';

describe('authentication', () => {
  let server: TestServer;
  let subject: string;

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    const prog = f.programme(em);
    const coordinator = f.account(em, prog, Role.PRE_COORDINATOR, { displayName: 'Claire Coordinatrice' });
    f.account(em, prog, Role.ANALYST, { active: false, email: `inactive-${Date.now()}@test.example`, subject: `test|inactive-${Date.now()}` });
    await em.flush();
    subject = coordinator.subject;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a valid local token with its account', async () => {
    const result = await server.graphql(VIEWER, {}, await server.token(subject));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: { displayName: 'Claire Coordinatrice', role: 'PRE_COORDINATOR' } });
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('refuses %s with UNAUTHENTICATED and HTTP 401', async (_what, token) => {
    const result = await server.graphql(VIEWER, {}, token);
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const token = await signLocalToken(server.config.auth, subject, { expiresIn: '-1m' });
    const result = await server.graphql(VIEWER, {}, token);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const other = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'another-secret-that-is-long-enough-0123456789' });
    const result = await server.graphql(VIEWER, {}, await signLocalToken(other.auth, subject));
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a valid token whose subject has no active account', async () => {
    for (const sub of ['test|nobody@test.example', `test|inactive-unknown`]) {
      const result = await server.graphql(VIEWER, {}, await server.token(sub));
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses anonymous introspection', async () => {
    const result = await server.graphql('{ __schema { queryType { name } } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it('lets an authenticated account introspect the schema', async () => {
    const result = await server.graphql<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
      {},
      await server.token(subject),
    );
    expect(result.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('OIDC tokens (the shape of ProConnect: issuer, audience, JWKS URL)', () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let verifier: TokenVerifier;
  const issuer = 'https://idp.test.example';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwksServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`;
    verifier = new TokenVerifier(
      loadConfig({ NODE_ENV: 'test', OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'pre-api', OIDC_JWKS_URL: jwksUrl }).auth,
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
  });

  const sign = (claims: { iss?: string; aud?: string; sub?: string; exp?: string }) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? 'pre-api')
      .setSubject(claims.sub ?? 'agent-123')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(privateKey);

  it('accepts a token of the provider and returns its subject', async () => {
    expect(await verifier.subject(await sign({}))).toBe('agent-123');
  });

  it.each([
    ['another audience', { aud: 'someone-else' }],
    ['an expired token', { exp: '-1m' }],
    ['another issuer', { iss: 'https://evil.example' }],
  ])('refuses %s', async (_what, claims) => {
    expect(await verifier.subject(await sign(claims))).toBeUndefined();
  });
});
