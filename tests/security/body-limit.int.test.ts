import { startTestServer, type TestServer } from '../helpers/test-server';
import { rawRequest } from '../helpers/raw-http';
import { EXPECTED_SECURITY_HEADERS, securityHeadersOf } from '../helpers/security-headers';

/**
 * A body over the limit (1 MB, src/http.ts) is answered 413 with a GraphQL error, which the
 * client receives (rather than a reset connection while it is still sending), and a
 * content-length over the limit is answered before the body is read.
 */
describe('request body limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const tooLarge = { errors: [{ message: 'Request body too large: at most 1000000 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] };

  it('answers a 2 MB body sent with fetch with 413 and a JSON GraphQL error, every time', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2_000_000) } });
    // Closing the connection while the client still sends fails some of these with EPIPE.
    for (let i = 0; i < 10; i += 1) {
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(securityHeadersOf(response.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
      expect(await response.json()).toEqual(tooLarge);
    }
  });

  it('answers a 2 MB body without content-length (chunked) with 413', async () => {
    const chunks = [Buffer.from('{"query":"{ __typename }","variables":{"p":"'), Buffer.alloc(2_000_000, 'x'), Buffer.from('"}}')];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(tooLarge);
  });

  it('answers a content-length over the limit before reading the body', async () => {
    // Only the head is sent: the answer must come without the server waiting for 5 MB.
    const response = await rawRequest(
      server.url,
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000000',
      undefined,
      2_000,
    );
    expect(response.status).toBe(413);
    expect(securityHeadersOf(response.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
    expect(JSON.parse(response.body)).toEqual(tooLarge);
  });

  it('keeps serving after refusing (a body at the limit is read)', async () => {
    const query = '{ __typename }';
    const padding = 'x'.repeat(999_000);
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { padding } }) });
    // Read in full, then refused for want of a token.
    expect(response.status).toBe(401);
  });
});
