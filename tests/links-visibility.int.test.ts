import { toGlobalId } from '../src/schema/global-id';
import { startDemoServer } from './helpers/test-server';

/**
 * Strictly necessary: a partner agent learns only of the links (and consent scope lines)
 * of its own structure; the others would tell it which other services follow the child.
 */
describe("a partner agent sees only its own structure's links", () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let childId: string;
  let schoolPartnerId: string;

  beforeAll(async () => {
    server = await startDemoServer();
    const conn = server.orm.em.getConnection();
    const [school] = await conn.execute<{ partner_id: string }[]>(`select partner_id from account where email = 'school@demo.example'`);
    schoolPartnerId = school.partner_id;
    // A child visible to the school agent that also has links to other structures.
    const [row] = await conn.execute<{ child_id: string }[]>(
      `select sl.child_id from service_link sl
        where sl.partner_id = ? and sl.status = 'ACTIVE' and sl.valid_from <= current_date and (sl.valid_until is null or sl.valid_until >= current_date)
          and exists (select 1 from service_link o where o.child_id = sl.child_id and o.partner_id <> sl.partner_id)
          and 'PATHWAY' = any(sl.categories::text[])
          and (sl.legal_basis <> 'CONSENT' or exists (
            select 1 from consent_scope cs join consent c on c.id = cs.consent_id
             where c.id = sl.consent_id and c.withdrawn_at is null and cs.partner_id = sl.partner_id and 'PATHWAY' = any(cs.categories::text[])))
        order by sl.child_id limit 1`,
      [schoolPartnerId],
    );
    childId = toGlobalId('Child', row.child_id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const QUERY = `query ($id: ID!) {
    child(id: $id) { serviceLinks { id partner { id } originPartner { id } } consents { scope { partner { id } } } }
    serviceLinks(childId: $id) { id partner { id } }
  }`;
  interface Data {
    child: { serviceLinks: { id: string; partner: { id: string }; originPartner: { id: string } | null }[]; consents: { scope: { partner: { id: string } }[] }[] };
    serviceLinks: { id: string; partner: { id: string } }[];
  }

  it('lists the links to or from its partner only, everywhere', async () => {
    const own = toGlobalId('Partner', schoolPartnerId);
    const school = await server.graphql<Data>(QUERY, { id: childId }, await server.tokenFor('school@demo.example'));
    expect(school.errors).toBeUndefined();
    expect(school.data!.child.serviceLinks.length).toBeGreaterThan(0);
    for (const link of [...school.data!.child.serviceLinks, ...school.data!.serviceLinks]) {
      expect([link.partner.id, (link as { originPartner?: { id: string } | null }).originPartner?.id]).toContain(own);
    }
    for (const consent of school.data!.child.consents) for (const line of consent.scope) expect(line.partner.id).toBe(own);

    const coordinator = await server.graphql<Data>(QUERY, { id: childId }, await server.tokenFor('coordinator@demo.example'));
    const partners = new Set(coordinator.data!.child.serviceLinks.map((l) => l.partner.id));
    expect(partners.size).toBeGreaterThan(1);
  });

  it("answers NOT_FOUND for another structure's link through node(id)", async () => {
    const coordinator = await server.graphql<Data>(QUERY, { id: childId }, await server.tokenFor('coordinator@demo.example'));
    const other = coordinator.data!.child.serviceLinks.find((l) => l.partner.id !== toGlobalId('Partner', schoolPartnerId) && l.originPartner?.id !== toGlobalId('Partner', schoolPartnerId));
    expect(other).toBeDefined();
    const result = await server.graphql('query ($id: ID!) { node(id: $id) { id } }', { id: other!.id }, await server.tokenFor('school@demo.example'));
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
