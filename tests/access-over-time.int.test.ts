import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentPurpose, DataCategory, LegalBasis, PartnerKind, Role, ServiceLinkStatus, type Account, type Child, type Consent, type ServiceLink } from '../src/entities';
import { toGlobalId } from '../src/schema/global-id';
import { startTestServer, type TestServer } from './helpers/test-server';
import * as f from './factories';

/**
 * access-policy.md, "Links and consent over time": a grant ends on the very next request,
 * whether by consent withdrawal, link revocation or the link's validity running out, with
 * no job and no cache in between.
 */

const READ = `query ($id: ID!) { child(id: $id) { id firstName inclusion { emergencyProtocol } contact { languages } } }`;
const LIST = `{ children(first: 100) { totalCount edges { node { id } } } }`;

describe('grants over time', () => {
  let server: TestServer;
  let em: EntityManager;
  let agent: Account;
  let kid: Child;
  let consent: Consent;
  let link: ServiceLink;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    em = server.orm.em.fork();
    const prog = f.programme(em);
    const centre = f.partner(em, prog, { kind: PartnerKind.LEISURE_CENTRE });
    const inclusionService = f.partner(em, prog, { kind: PartnerKind.INCLUSION_SERVICE });
    agent = f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(centre) });
    const referent = f.account(em, prog, Role.INCLUSION_REFERENT, { partner: ref(inclusionService) });
    const fam = f.family(em, prog);
    const parent = f.guardian(em, fam);
    kid = f.child(em, fam);
    consent = f.consent(em, kid, parent, [{ partner: centre, categories: [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.INCLUSION] }], {
      purpose: ConsentPurpose.INCLUSION_FOLLOW_UP,
    });
    link = f.serviceLink(em, kid, centre, referent, {
      legalBasis: LegalBasis.CONSENT,
      consent: ref(consent),
      categories: [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.INCLUSION],
      validFrom: '2025-01-01',
      validUntil: '2030-06-30',
    });
    await em.flush();
    token = await server.token(agent.subject);
  });
  afterAll(async () => {
    await server?.close();
  });

  const sees = async () => {
    const result = await server.graphql<{ child: { id: string } | null }>(READ, { id: toGlobalId('Child', kid.id) }, token);
    return result.errors?.[0]?.extensions?.code === 'NOT_FOUND' ? 'NOT_FOUND' : result.data?.child ? 'SEES' : 'OTHER';
  };

  const reset = async () => {
    server.setNow(undefined);
    await em.getConnection().execute(
      `update service_link set status = 'ACTIVE', revoked_at = null, valid_until = '2030-06-30' where id = ?`,
      [link.id],
    );
    await em.getConnection().execute(`update consent set withdrawn_at = null, expires_on = null where id = ?`, [consent.id]);
  };
  beforeEach(reset);

  it('a partner sees the child while the link and the consent hold', async () => {
    expect(await sees()).toBe('SEES');
    const list = await server.graphql<{ children: { totalCount: number } }>(LIST, {}, token);
    expect(list.data?.children.totalCount).toBe(1);
  });

  it('a withdrawn consent cuts access on the next request', async () => {
    expect(await sees()).toBe('SEES');
    await em.getConnection().execute(`update consent set withdrawn_at = now() where id = ?`, [consent.id]);
    expect(await sees()).toBe('NOT_FOUND');
    const list = await server.graphql<{ children: { totalCount: number } }>(LIST, {}, token);
    expect(list.data?.children.totalCount).toBe(0);
  });

  it('an expired consent cuts access', async () => {
    await em.getConnection().execute(`update consent set expires_on = '2026-01-31' where id = ?`, [consent.id]);
    server.setNow(new Date('2026-01-31T12:00:00Z'));
    expect(await sees()).toBe('SEES');
    server.setNow(new Date('2026-02-01T12:00:00Z'));
    expect(await sees()).toBe('NOT_FOUND');
  });

  it.each([ServiceLinkStatus.REVOKED, ServiceLinkStatus.SUSPENDED, ServiceLinkStatus.EXPIRED, ServiceLinkStatus.PROPOSED])(
    'a link %s cuts access on the next request',
    async (status) => {
      expect(await sees()).toBe('SEES');
      await em.getConnection().execute(`update service_link set status = ? where id = ?`, [status, link.id]);
      expect(await sees()).toBe('NOT_FOUND');
    },
  );

  it('a link past its validUntil counts as expired without any job (injectable clock)', async () => {
    // validUntil is 2030-06-30, inclusive, in French calendar days.
    server.setNow(new Date('2030-06-30T21:30:00Z')); // 23:30 in Paris, still the 30th
    expect(await sees()).toBe('SEES');
    server.setNow(new Date('2030-06-30T22:30:00Z')); // 00:30 on 1 July in Paris
    expect(await sees()).toBe('NOT_FOUND');
  });

  it('a link not yet valid gives nothing', async () => {
    server.setNow(new Date('2024-12-31T12:00:00Z'));
    expect(await sees()).toBe('NOT_FOUND');
  });
});
