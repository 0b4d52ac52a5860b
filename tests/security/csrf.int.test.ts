import { Role } from '../../src/entities';
import { startTestServer, type TestServer } from '../helpers/test-server';
import * as f from '../factories';

/**
 * Cross-site request forgery (Apollo's csrfPrevention, on by default): a browser sends a
 * GET, or a POST with a "simple" content type (text/plain, form encodings), from any page
 * without a preflight; such requests are refused unless they carry a header that forces
 * one (`apollo-require-preflight`, `x-apollo-operation-name`) or a JSON content type. A
 * refused request runs nothing: no context, no resolver, whatever credentials it carries.
 */
describe('CSRF prevention', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    const coordinator = f.account(em, f.programme(em), Role.PRE_COORDINATOR);
    await em.flush();
    token = await server.token(coordinator.subject);
  });
  afterAll(async () => {
    await server?.close();
  });

  const QUERY = '{ viewer { role } }';
  const refusedBody = expect.objectContaining({
    errors: [expect.objectContaining({ message: expect.stringMatching(/Cross-Site Request Forgery/), extensions: { code: 'BAD_REQUEST' } })],
  });

  it('refuses a GET without a preflight-forcing header, even with a valid token', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent(QUERY)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(refusedBody);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a POST with the simple content type %s',
    async (type) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(refusedBody);
    },
  );

  it('refuses a POST without any content type', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(Buffer.from(JSON.stringify({ query: QUERY }))) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(refusedBody);
  });

  it('serves a JSON POST, and a GET query with a preflight-forcing header', async () => {
    const post = await server.graphql(QUERY, {}, token);
    expect(post.data).toEqual({ viewer: { role: 'PRE_COORDINATOR' } });
    const get = await fetch(`${server.url}?query=${encodeURIComponent(QUERY)}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { viewer: { role: 'PRE_COORDINATOR' } } });
  });

  it('never runs a mutation sent with GET', async () => {
    const mutation = 'mutation { withdrawConsent(id: "x", version: 1) { id } }';
    const response = await fetch(`${server.url}?query=${encodeURIComponent(mutation)}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });
});
