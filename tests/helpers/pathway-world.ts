import { randomInt } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Account,
  Child,
  Consent,
  ConsentPurpose,
  Family,
  Guardian,
  Partner,
  PartnerKind,
  Pathway,
  PathwayStatus,
  Programme,
  Role,
  SchoolNetwork,
} from '../../src/entities';
import { toGlobalId } from '../../src/schema/global-id';
import type { GraphQLResult, TestServer } from './test-server';
import { parisDay } from './queries';
import * as f from '../factories';

/**
 * A fresh programme for the referral and pathway workflow tests
 * (tests/referral-workflow, pathway-workflow, state-machines): the PRE team and partner
 * structures, one account per role that matters (two pathway referents), a household
 * whose child has a given PATHWAY consent, and a second household. Every test file (or
 * test) builds its own, so that counts of rows and access events are per programme.
 */
export interface PathwayWorld {
  programme: Programme;
  partners: { preTeam: Partner; school: Partner; repSchool: Partner; leisure: Partner; social: Partner };
  accounts: Record<WorldAccount, Account>;
  tokens: Record<WorldAccount, string>;
  family: Family;
  guardian: Guardian;
  child: Child;
  /** Given today by `guardian`, purpose PATHWAY, open-ended. */
  consent: Consent;
  otherFamily: Family;
  otherChild: Child;
}

export type WorldAccount =
  | 'coordinator'
  | 'referent'
  | 'referent2'
  | 'inclusion'
  | 'schoolAgent'
  | 'leisureAgent'
  | 'guardian'
  | 'analyst'
  | 'admin'
  | 'dpo';

export const gid = toGlobalId;

/** UAI codes are unique across programmes, and the factories' counter restarts in every test file. */
function randomUai(): string {
  return `${randomInt(1_000_000, 10_000_000)}${String.fromCharCode(65 + randomInt(0, 26))}`;
}

export async function buildPathwayWorld(server: TestServer): Promise<PathwayWorld> {
  const em = server.orm.em.fork() as EntityManager;
  const programme = f.programme(em);
  const partners = {
    preTeam: f.partner(em, programme, { kind: PartnerKind.PRE_TEAM }),
    school: f.partner(em, programme, { kind: PartnerKind.SCHOOL, uai: randomUai() }),
    repSchool: f.partner(em, programme, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.REP_PLUS, uai: randomUai() }),
    leisure: f.partner(em, programme, { kind: PartnerKind.LEISURE_CENTRE }),
    social: f.partner(em, programme, { kind: PartnerKind.SOCIAL_SERVICES }),
  };
  const family = f.family(em, programme, { qpvCode: 'QN04701M' });
  const guardian = f.guardian(em, family);
  const child = f.child(em, family, { school: ref(partners.school), birthDate: '2016-05-12' });
  const consent = f.consent(em, child, guardian, [], { purpose: ConsentPurpose.PATHWAY, givenAt: new Date(Date.now() - 86_400_000) });
  const otherFamily = f.family(em, programme);
  f.guardian(em, otherFamily);
  const otherChild = f.child(em, otherFamily);
  const staff = (role: Role, partner?: Partner) => f.account(em, programme, role, partner ? { partner: ref(partner) } : {});
  const accounts: Record<WorldAccount, Account> = {
    coordinator: staff(Role.PRE_COORDINATOR, partners.preTeam),
    referent: staff(Role.PATHWAY_REFERENT, partners.preTeam),
    referent2: staff(Role.PATHWAY_REFERENT, partners.preTeam),
    inclusion: staff(Role.INCLUSION_REFERENT),
    schoolAgent: staff(Role.PARTNER_AGENT, partners.school),
    leisureAgent: staff(Role.PARTNER_AGENT, partners.leisure),
    guardian: f.account(em, programme, Role.GUARDIAN, { guardian: ref(guardian) }),
    analyst: staff(Role.ANALYST),
    admin: staff(Role.ADMIN),
    dpo: staff(Role.DPO),
  };
  await em.flush();
  const tokens = {} as Record<WorldAccount, string>;
  for (const [key, account] of Object.entries(accounts) as [WorldAccount, Account][]) tokens[key] = await server.token(account.subject);
  return { programme, partners, accounts, tokens, family, guardian, child, consent, otherFamily, otherChild };
}

/** A pathway built directly in the database (for the tests about its content). */
export async function pathwayOf(
  server: TestServer,
  world: PathwayWorld,
  overrides: { child?: Child; referent?: Account; status?: PathwayStatus; startDate?: string } = {},
): Promise<Pathway> {
  const em = server.orm.em.fork() as EntityManager;
  const pathway = em.create(Pathway, {
    programme: world.programme.id,
    child: (overrides.child ?? world.child).id,
    referent: (overrides.referent ?? world.accounts.referent).id,
    consent: world.consent.id,
    status: overrides.status ?? PathwayStatus.ACTIVE,
    startDate: overrides.startDate ?? addDays(today(), -30),
  });
  await em.flush();
  return pathway;
}

export type Row = Record<string, unknown>;

export function sql<T extends Row = Row>(server: TestServer, query: string, params: unknown[] = []): Promise<T[]> {
  return server.orm.em.getConnection().execute(query, params);
}

/** The number of rows of a table in a programme (tables without programme_id: pass a join in `table`). */
export async function count(server: TestServer, table: string, programmeId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(server, `select count(*)::int as n from ${table} where programme_id = ?`, [programmeId]);
  return Number(row.n);
}

/** Row counts of the tables a workflow writes, in a programme: compared before and after a refused mutation. */
export async function counts(server: TestServer, programmeId: string): Promise<Record<string, number>> {
  const tables = ['child', 'family', 'guardian', 'referral', 'team_meeting', 'pathway', 'objective', 'action', 'review', 'access_event'];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await count(server, table, programmeId);
  const [pivots] = await sql<{ a: number; t: number }>(
    server,
    `select (select count(*)::int from action_pathway ap join pathway p on p.id = ap.pathway_id where p.programme_id = ?) as a,
            (select count(*)::int from team_meeting_attending_partners tp join team_meeting m on m.id = tp.team_meeting_id where m.programme_id = ?) as t`,
    [programmeId, programmeId],
  );
  out.action_pathway = Number(pivots.a);
  out.team_meeting_attending_partners = Number(pivots.t);
  return out;
}

export interface WriteEventRow {
  action: string;
  entity: string;
  child_id: string | null;
  categories: string[];
  account_id: string;
  request_id: string;
}

/** The access events of the writes of a programme (every action but READ and DENIED), oldest first. */
export async function writeEvents(server: TestServer, programmeId: string): Promise<WriteEventRow[]> {
  const rows = await sql<Omit<WriteEventRow, 'categories'> & { categories: string[] | string }>(
    server,
    `select action, entity, child_id, categories::text[] as categories, account_id, request_id from access_event
      where programme_id = ? and action not in ('READ', 'DENIED') order by at, action, entity, child_id`,
    [programmeId],
  );
  return rows.map((r) => ({ ...r, categories: Array.isArray(r.categories) ? r.categories : r.categories.replace(/^\{|\}$/g, '').split(',').filter(Boolean) }));
}

/** The one error of a result, as `{ code, field, reason }` (and currentState when present) for compact assertions. */
export function errorOf(result: GraphQLResult<unknown>): Record<string, unknown> {
  expect(result.errors).toHaveLength(1);
  const ext = result.errors![0].extensions ?? {};
  const out: Record<string, unknown> = { code: ext.code };
  for (const key of ['field', 'reason', 'currentState']) if (ext[key] !== undefined) out[key] = ext[key];
  return out;
}

/** The data of a result that must have no error. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

export function today(): string {
  return parisDay(new Date());
}

/** A calendar date `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------

const REFERRAL_FIELDS = 'id version status referredOn domains description decidedOn decisionReason child { id } referringPartner { id } teamMeeting { id } assignedTo { id }';
const PATHWAY_FIELDS = 'id version status startDate endDate closureReason child { id } referent { id } consent { id }';
const ACTION_FIELDS = 'id version title kind domain childTime status startDate endDate outcome provider { id }';

export const SUBMIT_REFERRAL = /* GraphQL */ `
  mutation SubmitReferral($input: SubmitReferralInput!) {
    submitReferral(input: $input) {
      duplicateSuspected
      referral { ${REFERRAL_FIELDS} }
      eligibility { ageInRange priorityNetwork priorityNeighbourhood priority warnings }
    }
  }
`;

export const START_REVIEW = /* GraphQL */ `
  mutation StartReferralReview($id: ID!, $version: Int!) { startReferralReview(id: $id, version: $version) { ${REFERRAL_FIELDS} } }
`;

export const DECIDE_REFERRAL = /* GraphQL */ `
  mutation DecideReferral($input: DecideReferralInput!) { decideReferral(input: $input) { ${REFERRAL_FIELDS} } }
`;

export const RECORD_TEAM_MEETING = /* GraphQL */ `
  mutation RecordTeamMeeting($input: RecordTeamMeetingInput!) {
    recordTeamMeeting(input: $input) { teamMeeting { id heldOn } referrals { id version teamMeeting { id } } }
  }
`;

export const OPEN_PATHWAY = /* GraphQL */ `
  mutation OpenPathway($input: OpenPathwayInput!) { openPathway(input: $input) { ${PATHWAY_FIELDS} } }
`;

export const SUSPEND_PATHWAY = /* GraphQL */ `
  mutation SuspendPathway($id: ID!, $version: Int!, $reason: String! = "Pause demandée par la famille") {
    suspendPathway(id: $id, version: $version, reason: $reason) { ${PATHWAY_FIELDS} suspendedAt suspensionReason }
  }
`;

export const RESUME_PATHWAY = /* GraphQL */ `
  mutation ResumePathway($id: ID!, $version: Int!) { resumePathway(id: $id, version: $version) { ${PATHWAY_FIELDS} } }
`;

export const CLOSE_PATHWAY = /* GraphQL */ `
  mutation ClosePathway($id: ID!, $version: Int!, $reason: String!) { closePathway(id: $id, version: $version, reason: $reason) { ${PATHWAY_FIELDS} } }
`;

export const ADD_OBJECTIVE = /* GraphQL */ `
  mutation AddObjective($pathwayId: ID!, $domain: Domain!, $text: String!) {
    addObjective(pathwayId: $pathwayId, domain: $domain, text: $text) { id version domain text status }
  }
`;

export const UPDATE_OBJECTIVE = /* GraphQL */ `
  mutation UpdateObjective($id: ID!, $version: Int!, $text: String, $status: ObjectiveStatus) {
    updateObjective(id: $id, version: $version, text: $text, status: $status) { id version domain text status }
  }
`;

export const ADD_ACTION = /* GraphQL */ `
  mutation AddAction($input: AddActionInput!) { addAction(input: $input) { ${ACTION_FIELDS} } }
`;

export const UPDATE_ACTION = /* GraphQL */ `
  mutation UpdateAction($id: ID!, $version: Int!, $title: String, $status: ActionStatus, $outcome: String, $startDate: LocalDate, $endDate: LocalDate) {
    updateAction(id: $id, version: $version, title: $title, status: $status, outcome: $outcome, startDate: $startDate, endDate: $endDate) { ${ACTION_FIELDS} }
  }
`;

export const ADD_REVIEW = /* GraphQL */ `
  mutation AddReview($pathwayId: ID!, $heldOn: LocalDate!, $progress: String!, $nextSteps: String) {
    addReview(pathwayId: $pathwayId, heldOn: $heldOn, progress: $progress, nextSteps: $nextSteps) { id heldOn progress nextSteps }
  }
`;

export interface ReferralData {
  id: string;
  version: number;
  status: string;
  referredOn: string;
  domains: string[];
  description: string;
  decidedOn: string | null;
  decisionReason: string | null;
  child: { id: string } | null;
  referringPartner: { id: string } | null;
  teamMeeting: { id: string } | null;
  assignedTo: { id: string } | null;
}

export interface PathwayData {
  id: string;
  version: number;
  status: string;
  startDate: string | null;
  endDate: string | null;
  closureReason: string | null;
  child: { id: string } | null;
  referent: { id: string } | null;
  consent: { id: string } | null;
}

export interface ObjectiveData {
  id: string;
  version: number;
  domain: string;
  text: string;
  status: string;
}

export interface ActionData {
  id: string;
  version: number;
  title: string;
  kind: string;
  domain: string;
  childTime: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  outcome: string | null;
  provider: { id: string } | null;
}

/** The uuid inside a global ID (tests only: clients never parse IDs). */
export function uuidOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
}

/** POSTs an operation with its own request id, so that the access events of that one request can be read back. */
export async function requestWithId<T = Record<string, unknown>>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<{ requestId: string; result: GraphQLResult<T> }> {
  const requestId = `wf-${randomInt(0, 2 ** 47).toString(36)}`;
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { requestId, result: { status: response.status, ...body } };
}

/** The access events of one request, write events first. */
export async function eventsOfRequest(server: TestServer, requestId: string): Promise<WriteEventRow[]> {
  const rows = await sql<Omit<WriteEventRow, 'categories'> & { categories: string[] | string }>(
    server,
    `select action, entity, child_id, categories::text[] as categories, account_id, request_id from access_event
      where request_id = ? order by action = 'READ', action, entity, child_id`,
    [requestId],
  );
  return rows.map((r) => ({ ...r, categories: Array.isArray(r.categories) ? r.categories : r.categories.replace(/^\{|\}$/g, '').split(',').filter(Boolean) }));
}
