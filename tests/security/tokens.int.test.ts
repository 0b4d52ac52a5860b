import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { Role } from '../../src/entities';
import { TokenVerifier, signLocalToken } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';
import { startTestServer, type TestServer } from '../helpers/test-server';
import * as f from '../factories';

/**
 * Token lifetimes (src/auth/tokens.ts): `exp` is required, `exp - iat` (or `exp - now`
 * without `iat`) is at most TOKEN_MAX_LIFETIME_SECONDS (12 h by default), and `iat` or
 * `nbf` in the future beyond TOKEN_CLOCK_SKEW_SECONDS (60 s) is refused. Every refusal is
 * the same UNAUTHENTICATED 401, whatever was wrong with the token.
 */

const VIEWER = '{ viewer { role } }';
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;
const DAY = 24 * HOUR;
const YEAR_2200 = Math.floor(Date.UTC(2200, 0, 1) / 1000);

interface Claims {
  iat?: number;
  exp?: number;
  nbf?: number;
}

/** The refusals: each a token a client could present, wrong in one way. */
const REFUSED: [string, () => Claims][] = [
  ['without exp', () => ({ iat: now() })],
  ['with exp in 2200', () => ({ iat: now(), exp: YEAR_2200 })],
  ['with exp in 2200 and no iat', () => ({ exp: YEAR_2200 })],
  ['issued a day in the future', () => ({ iat: now() + DAY, exp: now() + DAY + HOUR })],
  ['issued beyond the clock skew (2 minutes ahead)', () => ({ iat: now() + 120, exp: now() + HOUR })],
  ['not valid before an hour from now', () => ({ iat: now(), nbf: now() + HOUR, exp: now() + 2 * HOUR })],
  ['living longer than the maximum (13 h)', () => ({ iat: now(), exp: now() + 13 * HOUR })],
  ['without iat, expiring beyond the maximum', () => ({ exp: now() + 13 * HOUR })],
  ['expired', () => ({ iat: now() - 2 * HOUR, exp: now() - HOUR })],
];

/** Accepted: within the maximum lifetime and the clock skew. */
const ACCEPTED: [string, () => Claims][] = [
  ['of 12 hours', () => ({ iat: now(), exp: now() + 12 * HOUR })],
  ['without iat, expiring within the maximum', () => ({ exp: now() + HOUR })],
  ['issued 30 s ahead (within the skew)', () => ({ iat: now() + 30, exp: now() + HOUR })],
  ['valid from 30 s ahead (within the skew)', () => ({ iat: now(), nbf: now() + 30, exp: now() + HOUR })],
];

function withClaims(jwt: SignJWT, claims: Claims): SignJWT {
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  return jwt;
}

describe('local tokens over HTTP', () => {
  let server: TestServer;
  let subject: string;

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    const coordinator = f.account(em, f.programme(em), Role.PRE_COORDINATOR);
    await em.flush();
    subject = coordinator.subject;
  });
  afterAll(async () => {
    await server?.close();
  });

  const sign = (claims: Claims) =>
    withClaims(
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuer(server.config.auth.issuer).setAudience(server.config.auth.audience),
      claims,
    ).sign(new TextEncoder().encode(server.config.auth.secret));

  it.each(REFUSED)('refuses a token %s with UNAUTHENTICATED 401, saying no more', async (_what, claims) => {
    const result = await server.graphql(VIEWER, {}, await sign(claims()));
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([{ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it.each(ACCEPTED)('accepts a token %s', async (_what, claims) => {
    const result = await server.graphql(VIEWER, {}, await sign(claims()));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: { role: 'PRE_COORDINATOR' } });
  });

  it('accepts the tokens it signs itself (tests, `npm run token`)', async () => {
    const result = await server.graphql(VIEWER, {}, await signLocalToken(server.config.auth, subject));
    expect(result.data).toEqual({ viewer: { role: 'PRE_COORDINATOR' } });
  });

  it('follows TOKEN_MAX_LIFETIME_SECONDS and TOKEN_CLOCK_SKEW_SECONDS', async () => {
    const strict = new TokenVerifier(loadConfig({ NODE_ENV: 'test', TOKEN_MAX_LIFETIME_SECONDS: '600', TOKEN_CLOCK_SKEW_SECONDS: '0' }).auth);
    expect(await strict.subject(await sign({ iat: now(), exp: now() + 600 }))).toBe(subject);
    expect(await strict.subject(await sign({ iat: now(), exp: now() + 601 }))).toBeUndefined();
    expect(await strict.subject(await sign({ iat: now() + 5, exp: now() + 300 }))).toBeUndefined();
  });

  it('refuses a signing function asked for a lifetime over the maximum', async () => {
    await expect(signLocalToken(server.config.auth, subject, { expiresIn: '13h' })).rejects.toThrow(/lifetime/);
  });
});

describe('OIDC tokens get the same checks (issuer, audience, JWKS as ProConnect)', () => {
  let jwksServer: Server;
  let privateKey: KeyLike;
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
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`;
    verifier = new TokenVerifier(loadConfig({ NODE_ENV: 'test', OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'pre-api', OIDC_JWKS_URL: jwksUrl }).auth);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
  });

  const sign = (claims: Claims) =>
    withClaims(
      new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience('pre-api').setSubject('agent-123'),
      claims,
    ).sign(privateKey);

  it.each(REFUSED)('refuses a provider token %s', async (_what, claims) => {
    expect(await verifier.subject(await sign(claims()))).toBeUndefined();
  });

  it.each(ACCEPTED)('accepts a provider token %s', async (_what, claims) => {
    expect(await verifier.subject(await sign(claims()))).toBe('agent-123');
  });
});
