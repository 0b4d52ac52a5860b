import { createRemoteJWKSet, jwtVerify, SignJWT, decodeJwt, type JWTPayload } from 'jose';
import type { Config } from '../config';

/**
 * Bearer tokens: either from an OIDC provider (issuer, audience and JWKS URL, the shape of
 * ProConnect), or signed with the local secret for development, the demo and the tests.
 * Only the subject is used: it maps to an Account.
 */
export class TokenVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly auth: Config['auth']) {
    if (auth.secret) this.secret = new TextEncoder().encode(auth.secret);
    if (auth.oidc) this.jwks = createRemoteJWKSet(new URL(auth.oidc.jwksUrl));
  }

  /** The token's subject, or undefined when the token is invalid, expired or from an unknown issuer. */
  async subject(token: string): Promise<string | undefined> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return undefined;
    }
    try {
      let payload: JWTPayload | undefined;
      if (this.jwks && this.auth.oidc && issuer === this.auth.oidc.issuer) {
        ({ payload } = await jwtVerify(token, this.jwks, {
          issuer: this.auth.oidc.issuer,
          audience: this.auth.oidc.audience,
        }));
      } else if (this.secret && issuer === this.auth.issuer) {
        ({ payload } = await jwtVerify(token, this.secret, {
          issuer: this.auth.issuer,
          audience: this.auth.audience,
          algorithms: ['HS256'],
        }));
      }
      return typeof payload?.sub === 'string' && payload.sub ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Signs a token with the local secret (development, demo, tests). */
export async function signLocalToken(
  auth: Config['auth'],
  subject: string,
  options: { expiresIn?: string; email?: string } = {},
): Promise<string> {
  if (!auth.secret) throw new Error('no local signing secret configured (JWT_SECRET)');
  return new SignJWT(options.email ? { email: options.email } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(auth.secret));
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
