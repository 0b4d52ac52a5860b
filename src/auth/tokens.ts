import { createRemoteJWKSet, jwtVerify, SignJWT, decodeJwt, type JWTPayload } from 'jose';
import type { Config } from '../config';

/**
 * Bearer tokens: either from an OIDC provider (issuer, audience and JWKS URL, the shape of
 * ProConnect), or signed with the local secret for development, the demo and the tests.
 * Only the subject is used: it maps to an Account.
 *
 * Lifetime policy, the same for both: `exp` is required; a token lives at most
 * `maxLifetimeSeconds` (`exp - iat`, or `exp - now` when it has no `iat`), so that a
 * leaked token, or one a compromised signer minted for 2200, is worth hours, not years;
 * `iat` and `nbf` may be ahead of our clock by `clockSkewSeconds` at most, and `exp`
 * behind it by as much. Every refusal looks the same to the client.
 */
export class TokenVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly auth: Config['auth']) {
    if (auth.secret) this.secret = new TextEncoder().encode(auth.secret);
    if (auth.oidc) this.jwks = createRemoteJWKSet(new URL(auth.oidc.jwksUrl));
  }

  /** The token's subject, or undefined when the token is invalid, expired, too long-lived or from an unknown issuer. */
  async subject(token: string): Promise<string | undefined> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return undefined;
    }
    const now = Math.floor(Date.now() / 1000);
    // jose checks `exp` (required), `nbf` and the type of `iat` with the skew; the lifetime and a future `iat` are ours.
    const claims = { requiredClaims: ['exp'], clockTolerance: this.auth.clockSkewSeconds, currentDate: new Date(now * 1000) };
    try {
      let payload: JWTPayload | undefined;
      if (this.jwks && this.auth.oidc && issuer === this.auth.oidc.issuer) {
        ({ payload } = await jwtVerify(token, this.jwks, {
          issuer: this.auth.oidc.issuer,
          audience: this.auth.oidc.audience,
          ...claims,
        }));
      } else if (this.secret && issuer === this.auth.issuer) {
        ({ payload } = await jwtVerify(token, this.secret, {
          issuer: this.auth.issuer,
          audience: this.auth.audience,
          algorithms: ['HS256'],
          ...claims,
        }));
      }
      if (!payload || !withinLifetime(payload, now, this.auth)) return undefined;
      return typeof payload.sub === 'string' && payload.sub ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The lifetime policy above, on a payload jose has checked (`exp` a number, `iat` a number when present). */
function withinLifetime(payload: JWTPayload, now: number, auth: Config['auth']): boolean {
  const exp = payload.exp as number;
  if (payload.iat === undefined) return exp - now <= auth.maxLifetimeSeconds + auth.clockSkewSeconds;
  return payload.iat <= now + auth.clockSkewSeconds && exp - payload.iat <= auth.maxLifetimeSeconds;
}

/** Signs a token with the local secret (development, demo, tests): 8 hours by default, or the maximum lifetime if shorter. */
export async function signLocalToken(
  auth: Config['auth'],
  subject: string,
  options: { expiresIn?: string; email?: string } = {},
): Promise<string> {
  if (!auth.secret) throw new Error('no local signing secret configured (JWT_SECRET)');
  const iat = Math.floor(Date.now() / 1000);
  const token = await new SignJWT(options.email ? { email: options.email } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt(iat)
    .setExpirationTime(options.expiresIn ?? iat + Math.min(8 * 3600, auth.maxLifetimeSeconds))
    .sign(new TextEncoder().encode(auth.secret));
  const lifetime = (decodeJwt(token).exp ?? Infinity) - iat;
  if (lifetime > auth.maxLifetimeSeconds) {
    throw new Error(`a token lifetime of ${lifetime} s is over TOKEN_MAX_LIFETIME_SECONDS (${auth.maxLifetimeSeconds} s): the API would refuse it`);
  }
  return token;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
