import { randomUUID } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { GraphQLEnumType, GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import {
  Accommodation,
  Action,
  ActionKind,
  AdaptedActivity,
  ChildTime,
  ConsentPurpose,
  DataCategory,
  Domain,
  FamilyMeeting,
  Invitation,
  InclusionFollowUp,
  LegalBasis,
  Objective,
  Observation,
  PartnerKind,
  Pathway,
  PathwayStatus,
  Referral,
  ReferralStatus,
  PathwayComment,
  Review,
  Role,
  ServiceLinkStatus,
  TeamMeeting,
  Workshop,
  type Account,
} from '../src/entities';
import { buildAppSchema } from '../src/schema/build-schema';
import { requiredArguments, rootDocuments, selection, type CanaryDocument } from './helpers/canary-documents';
import { DataRequestAction, RequestScope, requestGrant } from '../src/permissions/policy';
import { NODE_ENTITIES } from '../src/resolvers/node.resolver';
import { toGlobalId } from '../src/schema/global-id';
import { startTestServer, type TestServer } from './helpers/test-server';
import * as f from './factories';

/**
 * The canary: every field of every sensitive category of one child carries a unique
 * marker naming its category; queries generated from the schema by introspection reach
 * every field through every path (child, children, node, family, links, referrals,
 * pathway, viewer); each account runs them all, and no marker of a category it may not see
 * may appear anywhere in what it gets back, errors included. A second child, outside every
 * account's rows but the coordinator's, carries HIDDEN markers that must never appear.
 */

type Category = keyof typeof DataCategory;
const marker = (category: Category | 'HIDDEN', n: number) => `CANARY:${category}:${n}`;
let serial = 0;
const m = (category: Category) => marker(category, (serial += 1));
const hidden = () => marker('HIDDEN', (serial += 1));

/** The root fields that answer a request of the family's, with the request they are. */
const ROOT_REQUESTS: Record<string, DataRequestAction | undefined> = { childExport: DataRequestAction.EXPORT_CHILD, findChildren: DataRequestAction.FIND_CHILD };

describe('canary: no marker of a category an account may not see ever reaches it', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  const ids: Record<string, string> = {};
  const accounts: { label: string; account: Account; allowed: Category[] }[] = [];
  /** The identity of both children, as a DPO searching for them for a request would type it. */
  const identities: { lastName: string; firstName: string; birthDate: string }[] = [];
  /** The global ID of every object of the programme, by type (read from the database). */
  const nodeIds: { type: string; id: string }[] = [];

  beforeAll(async () => {
    schema = await buildAppSchema();
    server = await startTestServer();
    const em = server.orm.em.fork();
    const prog = f.programme(em);
    const other = f.programme(em);
    const school = f.partner(em, prog, { kind: PartnerKind.SCHOOL });
    const leisure = f.partner(em, prog, { kind: PartnerKind.LEISURE_CENTRE });
    const social = f.partner(em, prog, { kind: PartnerKind.SOCIAL_SERVICES });
    const health = f.partner(em, prog, { kind: PartnerKind.HEALTH });
    const sports = f.partner(em, prog, { kind: PartnerKind.SPORTS });
    const team = f.partner(em, prog, { kind: PartnerKind.PRE_TEAM });
    const inclusionService = f.partner(em, prog, { kind: PartnerKind.INCLUSION_SERVICE });

    const fam = f.family(em, prog, { addressLine: m('CONTACT'), city: m('CONTACT'), socialSituation: m('SOCIAL'), socialNotes: m('SOCIAL') });
    const parent = f.guardian(em, fam, { firstName: m('CONTACT'), lastName: m('CONTACT'), email: `${m('CONTACT').toLowerCase().replace(/:/g, '-')}@x.example` });
    const kid = f.child(em, fam, {
      firstName: m('IDENTITY'),
      lastName: m('IDENTITY'),
      school: ref(school),
      schoolingArrangements: m('SCHOOLING'),
      socialFollowUp: m('SOCIAL'),
      diagnosis: m('HEALTH'),
      medicalFollowUp: m('HEALTH'),
      mdphDecision: m('HEALTH'),
      treatments: m('HEALTH'),
    });
    const hiddenFamily = f.family(em, prog, { addressLine: hidden(), socialSituation: hidden() });
    f.guardian(em, hiddenFamily, { firstName: hidden(), lastName: hidden() });
    const hiddenKid = f.child(em, hiddenFamily, { firstName: hidden(), lastName: hidden(), diagnosis: hidden(), socialFollowUp: hidden() });
    for (const child of [kid, hiddenKid]) identities.push({ lastName: child.lastName, firstName: child.firstName, birthDate: child.birthDate });

    const coordinator = f.account(em, prog, Role.PRE_COORDINATOR, { partner: ref(team) });
    const referent = f.account(em, prog, Role.PATHWAY_REFERENT, { partner: ref(team) });
    const inclusionReferent = f.account(em, prog, Role.INCLUSION_REFERENT, { partner: ref(inclusionService) });
    const guardianAccount = f.account(em, prog, Role.GUARDIAN, { guardian: ref(parent) });

    for (const category of ['SCHOOLING', 'SOCIAL', 'HEALTH', 'INCLUSION'] as const) {
      em.create(Observation, { programme: prog, child: kid, category: DataCategory[category], author: coordinator, text: m(category) });
      em.create(Observation, { programme: prog, child: hiddenKid, category: DataCategory[category], author: coordinator, text: hidden() });
    }
    // The family's consent to the inclusion follow-up gives the inclusion service HEALTH.
    const inclusionConsent = f.consent(em, kid, parent, [{ partner: inclusionService, categories: f.inclusionScope(true) }], { purpose: ConsentPurpose.INCLUSION_FOLLOW_UP });
    const followUp = em.create(InclusionFollowUp, {
      programme: prog,
      child: kid,
      consent: inclusionConsent,
      findings: m('INCLUSION'),
      familyExpectations: m('INCLUSION'),
      needsInventory: m('INCLUSION'),
      existingMeans: m('INCLUSION'),
      paiArrangements: m('INCLUSION'),
      emergencyProtocol: m('INCLUSION'),
      assessedOn: '2025-02-01',
      assessedBy: inclusionReferent,
    });
    em.create(Accommodation, { programme: prog, followUp, partner: leisure, description: m('INCLUSION') });
    em.create(AdaptedActivity, { programme: prog, followUp, title: m('INCLUSION'), description: m('INCLUSION'), childTime: ChildTime.PERISCHOOL });

    const pathwayConsent = f.consent(em, kid, parent, [{ partner: team, categories: [DataCategory.PATHWAY] }], { purpose: ConsentPurpose.PATHWAY });
    const pathway = em.create(Pathway, {
      programme: prog,
      child: kid,
      referent,
      status: PathwayStatus.ACTIVE,
      startDate: '2025-01-15',
      consent: pathwayConsent,
      closureReason: m('PATHWAY'),
    });
    em.create(Objective, { programme: prog, pathway, domain: Domain.SCHOOL, text: m('PATHWAY') });
    const action = em.create(Action, { programme: prog, title: m('PATHWAY'), kind: ActionKind.INDIVIDUAL, domain: Domain.CULTURE, childTime: ChildTime.EXTRACURRICULAR, outcome: m('PATHWAY') });
    action.pathways.add(pathway);
    em.create(Review, { programme: prog, pathway, heldOn: '2025-06-01', progress: m('PATHWAY'), nextSteps: m('PATHWAY') });
    em.create(PathwayComment, { programme: prog, pathway, guardian: parent, text: m('PATHWAY') });
    const referral = em.create(Referral, {
      programme: prog,
      child: kid,
      referringPartner: school,
      referringAccount: coordinator,
      referredOn: '2025-01-05',
      domains: [Domain.SCHOOL],
      description: m('PATHWAY'),
      status: ReferralStatus.ACCEPTED,
      decisionReason: m('PATHWAY'),
    });
    em.create(Referral, { programme: prog, child: hiddenKid, referringPartner: school, referringAccount: coordinator, referredOn: '2025-01-06', description: hidden() });

    const agent = (partner: typeof school) => f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(partner) });
    const link = (partner: typeof school, categories: DataCategory[], overrides = {}) =>
      f.serviceLink(em, kid, partner, inclusionReferent, { categories, parentsNotInformedReason: m('PATHWAY'), ...overrides });
    const { IDENTITY, CONTACT, SCHOOLING, SOCIAL, HEALTH, INCLUSION, PATHWAY } = DataCategory;
    const schoolAgent = agent(school);
    link(school, [IDENTITY, SCHOOLING, INCLUSION, PATHWAY]);
    const leisureAgent = agent(leisure);
    const leisureConsent = f.consent(em, kid, parent, [{ partner: leisure, categories: [IDENTITY, INCLUSION] }], { purpose: ConsentPurpose.INCLUSION_FOLLOW_UP });
    link(leisure, [IDENTITY, CONTACT, INCLUSION], { legalBasis: LegalBasis.CONSENT, consent: ref(leisureConsent), parentsNotInformedReason: undefined });
    const socialAgent = agent(social);
    link(social, [IDENTITY, CONTACT, SOCIAL, PATHWAY]);
    const healthAgent = agent(health);
    link(health, [IDENTITY, HEALTH, INCLUSION]);
    const sportsAgent = agent(sports);
    link(sports, [IDENTITY, CONTACT, INCLUSION], { status: ServiceLinkStatus.REVOKED, revocationReason: m('PATHWAY') });
    // Objects of the Node types the rest does not make: a workshop, a team meeting, family meetings.
    em.create(Workshop, { programme: prog, heldOn: '2025-03-01', topic: 'Accueillir un enfant avec TSA', facilitator: inclusionReferent });
    em.create(TeamMeeting, { programme: prog, heldOn: '2025-01-20' });
    em.create(FamilyMeeting, { programme: prog, family: fam, child: kid, heldBy: inclusionReferent, heldOn: '2025-02-02', expectations: m('INCLUSION'), nextSteps: m('INCLUSION') });
    em.create(FamilyMeeting, { programme: prog, family: hiddenFamily, heldBy: inclusionReferent, heldOn: '2025-02-03', expectations: hidden(), needs: hidden() });
    // A portal invitation: the address it went to is never shown, to anyone.
    em.create(Invitation, { programme: prog, guardian: parent, email: m('CONTACT'), tokenHash: randomUUID().replace(/-/g, '').repeat(2), createdBy: coordinator, expiresAt: new Date(Date.now() + 3600_000) });
    const admin = f.account(em, prog, Role.ADMIN);
    const analyst = f.account(em, prog, Role.ANALYST);
    const dpo = f.account(em, prog, Role.DPO);
    const outsider = f.account(em, other, Role.PRE_COORDINATOR);
    await em.flush();

    // Every object of the programme, of every Node type, as node(id) would be asked for it.
    for (const type of schema.getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType)) {
      const entity = NODE_ENTITIES[type.name];
      if (!entity) throw new Error(`node(id) cannot fetch ${type.name}`);
      const table = server.orm.getMetadata().get(entity.name).tableName;
      const rows: { id: string }[] = await server.orm.em.getConnection().execute(`select id from ${table} where programme_id = ? order by id`, [prog.id]);
      nodeIds.push(...rows.map((row) => ({ type: type.name, id: toGlobalId(type.name, row.id) })));
    }

    Object.assign(ids, {
      child: toGlobalId('Child', kid.id),
      hiddenChild: toGlobalId('Child', hiddenKid.id),
      family: toGlobalId('Family', fam.id),
      hiddenFamily: toGlobalId('Family', hiddenFamily.id),
      pathway: toGlobalId('Pathway', pathway.id),
      referral: toGlobalId('Referral', referral.id),
    });

    // Expectations from ../shared/access-policy.md, written out for this child.
    accounts.push(
      { label: 'coordinator', account: coordinator, allowed: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'SOCIAL', 'INCLUSION', 'PATHWAY'] },
      { label: 'pathway referent', account: referent, allowed: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'SOCIAL', 'INCLUSION', 'PATHWAY'] },
      { label: 'inclusion referent', account: inclusionReferent, allowed: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'INCLUSION', 'HEALTH', 'PATHWAY'] },
      { label: 'guardian', account: guardianAccount, allowed: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'INCLUSION', 'HEALTH', 'PATHWAY'] },
      { label: 'school agent', account: schoolAgent, allowed: ['IDENTITY', 'SCHOOLING', 'INCLUSION', 'PATHWAY'] },
      // The link grants CONTACT, the consent's scope does not.
      { label: 'leisure agent (consent narrower than link)', account: leisureAgent, allowed: ['IDENTITY', 'INCLUSION'] },
      { label: 'social agent', account: socialAgent, allowed: ['IDENTITY', 'CONTACT', 'SOCIAL', 'PATHWAY'] },
      { label: 'health agent', account: healthAgent, allowed: ['IDENTITY', 'HEALTH', 'INCLUSION'] },
      { label: 'sports agent (revoked link)', account: sportsAgent, allowed: [] },
      { label: 'admin', account: admin, allowed: [] },
      { label: 'analyst', account: analyst, allowed: [] },
      { label: 'dpo', account: dpo, allowed: [] },
      { label: 'another programme', account: outsider, allowed: [] },
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Every root field, with every field below it, for the ids (or the identities) of both children. */
  function documents(): CanaryDocument[] {
    return rootDocuments(schema, (field) => {
      const required = requiredArguments(field).map((arg) => arg.name);
      // The DPO's search by exact identity, for each child.
      if (field.name === 'findChildren') return identities.map((identity) => ({ ...identity }));
      // statistics(table, period): every table, a school year that has ended (numbers only, no text).
      if (field.name === 'statistics') {
        const tables = (schema.getType('StatisticsTable') as GraphQLEnumType).getValues().map((value) => value.value as string);
        return tables.map((table) => ({ table, period: '2024-2025' }));
      }
      if (required.length !== 1) throw new Error(`the canary does not know how to ask ${field.name}: say which values its arguments take`);
      const candidates =
        field.name === 'family'
          ? [ids.family, ids.hiddenFamily]
          : field.name === 'pathway'
            ? [ids.pathway]
            : field.name === 'node'
              ? Object.values(ids)
              : [ids.child, ids.hiddenChild];
      return candidates.map((id) => ({ [required[0]]: id }));
    });
  }

  it('generates queries that reach every marker (the coordinator and the inclusion referent see their categories)', async () => {
    const token = await server.token(accounts[0].account.subject);
    let seen = '';
    for (const doc of documents()) seen += JSON.stringify(await server.graphql(doc.query, doc.variables, token));
    for (const category of ['IDENTITY', 'CONTACT', 'SCHOOLING', 'SOCIAL', 'INCLUSION', 'PATHWAY']) expect(seen).toContain(`CANARY:${category}:`);
    expect(seen).toContain('CANARY:HIDDEN:');
    const inclusion = await server.token(accounts[2].account.subject);
    let seenByInclusion = '';
    for (const doc of documents()) seenByInclusion += JSON.stringify(await server.graphql(doc.query, doc.variables, inclusion));
    expect(seenByInclusion).toContain('CANARY:HEALTH:');
  }, 120_000);

  it('has an object of every Node type to ask node(id) for', () => {
    const types = (schema.getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType)).map((t) => t.name).sort();
    expect([...new Set(nodeIds.map((n) => n.type))].sort()).toEqual(types);
  });

  it('leaks nothing, to any account, through any path', async () => {
    const leaks: string[] = [];
    // node(id) of every object of every type, each with its own type's whole selection.
    const nodeDocs = nodeIds.map(({ type, id }) => {
      const object = schema.getType(type) as GraphQLObjectType;
      return { root: 'node', query: `query ($id: ID!) { node(id: $id) { __typename ... on ${type} { ${selection(schema, object, ['Node', type], 4)} } } }`, variables: { id } };
    });
    const docs = [...documents(), ...nodeDocs];
    // Accounts run side by side (the server serves them concurrently, as in production).
    await Promise.all(
      accounts.map(async ({ label, account, allowed }) => {
        const token = await server.token(account.subject);
        for (const doc of docs) {
          const text = JSON.stringify(await server.graphql(doc.query, doc.variables, token));
          // A request of the family's (an export) holds what the requests table gives the
          // role, of any child of its programme for the DPO (access-policy.md, "Writes": DPO).
          const request = ROOT_REQUESTS[doc.root] ? requestGrant(ROOT_REQUESTS[doc.root]!, account.role) : undefined;
          for (const match of text.matchAll(/CANARY:([A-Z]+):\d+/g)) {
            const category = match[1];
            const ok = request
              ? category === 'HIDDEN'
                ? request.scope === RequestScope.PROGRAMME_FILES
                : (request.categories as string[]).includes(category)
              : category === 'HIDDEN'
                ? label === 'coordinator'
                : (allowed as string[]).includes(category);
            if (!ok) leaks.push(`${label}: ${match[0]} via ${doc.query.slice(0, 60)}… ${JSON.stringify(doc.variables)}`);
          }
        }
      }),
    );
    expect([...new Set(leaks)]).toEqual([]);
  }, 300_000);
});
