/** The headers every response of the API carries (src/http.ts SECURITY_HEADERS). */
export const EXPECTED_SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** The security headers of a fetch response or of a raw one (lower-case names). */
export function securityHeadersOf(headers: Headers | Record<string, string>): Record<string, string | undefined> {
  const get = (name: string) => (headers instanceof Headers ? (headers.get(name) ?? undefined) : headers[name]);
  return Object.fromEntries(Object.keys(EXPECTED_SECURITY_HEADERS).map((name) => [name, get(name)]));
}
