import { randomInt } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Account,
  Child,
  Consent,
  ConsentPurpose,
  InclusionFollowUp,
  Family,
  Guardian,
  Partner,
  PartnerKind,
  Pathway,
  Programme,
  Role,
} from '../../src/entities';
import { fromGlobalId, toGlobalId } from '../../src/schema/global-id';
import type { GraphQLResult, TestServer } from './test-server';
import * as f from '../factories';

/**
 * A fresh programme for one workflow test (tests/consent-workflow, service-link-workflow,
 * inclusion-workflow): partners of each kind, one account per role, a household with a
 * guardian holding parental authority and one without, its child (with a pathway whose
 * referent is `pathwayReferent`), and a second household. Every test builds its own, so
 * that counts of rows and access events are per programme.
 */
export interface World {
  programme: Programme;
  partners: { school: Partner; leisure: Partner; health: Partner; social: Partner; preTeam: Partner; inclusion: Partner };
  accounts: Record<AccountKey, Account>;
  tokens: Record<AccountKey, string>;
  family: Family;
  guardian: Guardian;
  guardianWithoutAuthority: Guardian;
  child: Child;
  otherFamily: Family;
  otherGuardian: Guardian;
  otherChild: Child;
  /** Global IDs, as clients send them. */
  ids: {
    child: string;
    otherChild: string;
    family: string;
    otherFamily: string;
    guardian: string;
    guardianWithoutAuthority: string;
    otherGuardian: string;
    school: string;
    leisure: string;
    health: string;
    social: string;
    preTeam: string;
    inclusion: string;
  };
}

export type AccountKey =
  | 'admin'
  | 'coordinator'
  | 'pathwayReferent'
  | 'inclusionReferent'
  | 'otherInclusionReferent'
  | 'schoolAgent'
  | 'leisureAgent'
  | 'healthAgent'
  | 'guardian'
  | 'guardianWithoutAuthority'
  | 'otherGuardian'
  | 'analyst'
  | 'dpo';

export const gid = toGlobalId;

/** The uuid inside a global ID (tests only: clients never parse IDs). */
export function uuidOf(globalId: string): string {
  return fromGlobalId(globalId).id;
}

/** A UAI (7 digits and a letter) unlikely to exist already. */
function uniqueUai(): string {
  const digits = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return `${digits}${'ABCDEFGHJKLMNPRSTUVWXYZ'[randomInt(0, 23)]}`;
}

export async function buildWorld(server: TestServer): Promise<World> {
  const em = server.orm.em.fork() as EntityManager;
  const programme = f.programme(em);
  const partners = {
    // The UAI is unique across the database, which the files of one worker share: not from the factory's counter.
    school: f.partner(em, programme, { kind: PartnerKind.SCHOOL, uai: uniqueUai() }),
    leisure: f.partner(em, programme, { kind: PartnerKind.LEISURE_CENTRE }),
    health: f.partner(em, programme, { kind: PartnerKind.HEALTH }),
    social: f.partner(em, programme, { kind: PartnerKind.SOCIAL_SERVICES }),
    preTeam: f.partner(em, programme, { kind: PartnerKind.PRE_TEAM }),
    inclusion: f.partner(em, programme, { kind: PartnerKind.INCLUSION_SERVICE }),
  };
  const family = f.family(em, programme);
  const guardian = f.guardian(em, family);
  const guardianWithoutAuthority = f.guardian(em, family, { firstName: 'Karim', parentalAuthority: false });
  const child = f.child(em, family, { school: ref(partners.school) });
  const otherFamily = f.family(em, programme);
  const otherGuardian = f.guardian(em, otherFamily);
  const otherChild = f.child(em, otherFamily);
  const accounts: Record<AccountKey, Account> = {
    admin: f.account(em, programme, Role.ADMIN),
    coordinator: f.account(em, programme, Role.PRE_COORDINATOR, { partner: ref(partners.preTeam) }),
    pathwayReferent: f.account(em, programme, Role.PATHWAY_REFERENT),
    inclusionReferent: f.account(em, programme, Role.INCLUSION_REFERENT, { partner: ref(partners.inclusion) }),
    otherInclusionReferent: f.account(em, programme, Role.INCLUSION_REFERENT, { partner: ref(partners.inclusion) }),
    schoolAgent: f.account(em, programme, Role.PARTNER_AGENT, { partner: ref(partners.school) }),
    leisureAgent: f.account(em, programme, Role.PARTNER_AGENT, { partner: ref(partners.leisure) }),
    healthAgent: f.account(em, programme, Role.PARTNER_AGENT, { partner: ref(partners.health) }),
    guardian: f.account(em, programme, Role.GUARDIAN, { guardian: ref(guardian) }),
    guardianWithoutAuthority: f.account(em, programme, Role.GUARDIAN, { guardian: ref(guardianWithoutAuthority) }),
    otherGuardian: f.account(em, programme, Role.GUARDIAN, { guardian: ref(otherGuardian) }),
    analyst: f.account(em, programme, Role.ANALYST),
    dpo: f.account(em, programme, Role.DPO),
  };
  // The pathway referent's rows: the child of a pathway it is referent of.
  em.create(Pathway, { programme, child, referent: accounts.pathwayReferent });
  await em.flush();

  const tokens = {} as Record<AccountKey, string>;
  for (const [key, account] of Object.entries(accounts) as [AccountKey, Account][]) tokens[key] = await server.token(account.subject);
  return {
    programme,
    partners,
    accounts,
    tokens,
    family,
    guardian,
    guardianWithoutAuthority,
    child,
    otherFamily,
    otherGuardian,
    otherChild,
    ids: {
      child: gid('Child', child.id),
      otherChild: gid('Child', otherChild.id),
      family: gid('Family', family.id),
      otherFamily: gid('Family', otherFamily.id),
      guardian: gid('Guardian', guardian.id),
      guardianWithoutAuthority: gid('Guardian', guardianWithoutAuthority.id),
      otherGuardian: gid('Guardian', otherGuardian.id),
      school: gid('Partner', partners.school.id),
      leisure: gid('Partner', partners.leisure.id),
      health: gid('Partner', partners.health.id),
      social: gid('Partner', partners.social.id),
      preTeam: gid('Partner', partners.preTeam.id),
      inclusion: gid('Partner', partners.inclusion.id),
    },
  };
}

/**
 * The family's INCLUSION_FOLLOW_UP consent for `child` (the world's child by default),
 * naming the inclusion service, and (unless `open: false`) the follow-up opened with it:
 * the child is then in the inclusion referents' rows (tests/factories inclusionFollowUp).
 */
export async function inclusionFollowUpOf(
  server: TestServer,
  w: World,
  options: { child?: Child; guardian?: Guardian; health?: boolean; open?: boolean; followUp?: Partial<InclusionFollowUp> } = {},
): Promise<{ consent: Consent; followUp?: InclusionFollowUp }> {
  const em = forkEm(server);
  const child = em.merge(options.child ?? w.child);
  const guardian = em.merge(options.guardian ?? w.guardian);
  const service = em.merge(w.partners.inclusion);
  const made =
    options.open === false
      ? { consent: f.consent(em, child, guardian, [{ partner: service, categories: f.inclusionScope(options.health ?? true) }], { purpose: ConsentPurpose.INCLUSION_FOLLOW_UP }) }
      : f.inclusionFollowUp(em, child, guardian, service, { health: options.health, followUp: options.followUp });
  await em.flush();
  return made;
}

/** A fork of the test server's ORM, for factories in a test. */
export function forkEm(server: TestServer): EntityManager {
  return server.orm.em.fork() as EntityManager;
}

export type Row = Record<string, unknown>;

export function sql<T extends Row = Row>(server: TestServer, query: string, params: unknown[] = []): Promise<T[]> {
  return server.orm.em.getConnection().execute(query, params);
}

/** The access events of the writes of a programme (every action but READ and DENIED), oldest first. */
export async function writeEvents(server: TestServer, programmeId: string): Promise<{ action: string; entity: string; child_id: string | null; categories: string[] }[]> {
  const rows = await sql<{ action: string; entity: string; child_id: string | null; categories: string[] | string }>(
    server,
    `select action, entity, child_id, categories::text[] as categories from access_event
      where programme_id = ? and action not in ('READ', 'DENIED') order by at, action, entity, child_id`,
    [programmeId],
  );
  return rows.map((r) => ({ ...r, categories: Array.isArray(r.categories) ? r.categories : parsePgArray(r.categories) }));
}

function parsePgArray(value: string): string[] {
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

/** The number of rows of a table in a programme. */
export async function count(server: TestServer, table: string, programmeId: string): Promise<number> {
  const [row] = await sql<{ n: string }>(server, `select count(*)::int as n from ${table} where programme_id = ?`, [programmeId]);
  return Number(row.n);
}

/** The one error of a result, as `{ code, field, reason }` for compact assertions. */
export function errorOf(result: GraphQLResult<unknown>): { code: unknown; field?: unknown; reason?: unknown } {
  expect(result.errors?.length).toBe(1);
  const ext = result.errors![0].extensions ?? {};
  const out: { code: unknown; field?: unknown; reason?: unknown } = { code: ext.code };
  if (ext.field !== undefined) out.field = ext.field;
  if (ext.reason !== undefined) out.reason = ext.reason;
  return out;
}

/** The data of a result that must have no error. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** A calendar date `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
