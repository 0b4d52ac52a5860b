import { isRecordOf } from '../read/records';
import { sql } from '../db/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Child } from '../entities/child.entity';
import { Family } from '../entities/family.entity';
import { DataCategory, GrantLapse, PartnerKind, Role } from '../entities/enums';
import type { Viewer } from '../context';
import { maxCategories, ROLE_POLICY, ROW_RULE_LIFECYCLES, RowRule } from './policy';
import { parisDate } from '../util/dates';

export type CategorySet = ReadonlySet<DataCategory>;

const NONE: CategorySet = new Set();

/**
 * What the viewer may see, computed once per request and never cached across requests
 * (access-policy.md, "Links and consent over time"): the rows (children it may see) and,
 * for each of them, the effective categories = its maximum ∩ what its grant gives.
 *
 * One SQL statement per request, whatever the number of children asked for or linked.
 */
export class Access {
  private grantsPromise?: Promise<Grants>;
  /** The grants once read: from then on, a category check needs no promise (mayReadNow). */
  private loaded?: Grants;

  /**
   * `prefetchedLinkGrants`: a partner agent's link grants, when they were read with its
   * account (viewerSession: one statement for both).
   */
  constructor(
    private readonly em: EntityManager,
    readonly viewer: Viewer | null,
    private readonly now: Date,
    private readonly prefetchedLinkGrants?: readonly LinkGrantRow[],
  ) {}

  /** The viewer's category maximum (role, and partner kind for partner agents). */
  get maximum(): CategorySet {
    if (!this.viewer) return NONE;
    return new Set(maxCategories(this.viewer.role, this.viewer.partnerKind));
  }

  /**
   * The children the viewer may see: `'ALL'` for the whole programme, or a list of ids
   * (possibly empty). The tenant filter restricts both to the viewer's programme.
   */
  async rows(): Promise<'ALL' | string[]> {
    const grants = await this.grants();
    return grants.all ? 'ALL' : [...grants.byChild.keys()];
  }

  /** Effective categories of the viewer for one child (empty when the child is not in its rows). */
  async categories(childId: string): Promise<CategorySet> {
    const grants = await this.grants();
    if (grants.all) return grants.all;
    return grants.byChild.get(childId) ?? NONE;
  }

  /**
   * The children that own a guarded field: a Child, a Family's children (the field is
   * granted when it is granted for one of them), an object carrying `childId`, or an
   * entity with a `child` reference. Anything else owns no child data.
   */
  async ownerChildren(owner: unknown): Promise<string[]> {
    if (owner instanceof Family || isRecordOf(owner, Family)) return this.familyChildren.load(owner.id);
    return this.ownerChildrenNow(owner) ?? [];
  }

  /**
   * Policy, question 3: may the viewer read `category` of the field's owner? Records the
   * read, or the denial, for the access log.
   */
  async mayRead(owner: unknown, category: DataCategory): Promise<boolean> {
    const children = await this.ownerChildren(owner);
    const grants = await this.grants();
    return this.decide(grants, children, category);
  }

  /**
   * mayRead without a promise, when it can be answered now: the request's grants are read
   * (they are before any list or child is returned) and the owner's children are known
   * without a statement (everything but a Family). Otherwise undefined: ask mayRead.
   */
  mayReadNow(owner: unknown, category: DataCategory): boolean | undefined {
    const grants = this.loaded;
    if (!grants) return undefined;
    const children = this.ownerChildrenNow(owner);
    return children && this.decide(grants, children, category);
  }

  private decide(grants: Grants, children: readonly string[], category: DataCategory): boolean {
    let granted = false;
    for (const childId of children) {
      if ((grants.all ?? grants.byChild.get(childId) ?? NONE).has(category)) {
        granted = true;
        this.log.read(childId, category);
      }
    }
    if (!granted) this.log.denied(children, category);
    return granted;
  }

  /** ownerChildren when no statement is needed (undefined for a Family: its children are read). */
  private ownerChildrenNow(owner: unknown): string[] | undefined {
    if (owner instanceof Child || isRecordOf(owner, Child)) return [owner.id];
    if (owner instanceof Family || isRecordOf(owner, Family)) return undefined;
    if (owner && typeof owner === 'object') {
      const { childId, child } = owner as { childId?: unknown; child?: { id?: unknown } };
      if (typeof childId === 'string') return [childId];
      if (child && typeof child.id === 'string') return [child.id];
    }
    return [];
  }

  /** The access log of this request (flushed once, when the response is sent). */
  readonly log = new AccessLog();

  private readonly familyChildren = new DataLoader<string, string[]>(async (familyIds) => {
    const rows = await sql<{ id: string; family_id: string }>(this.em, 'select id, family_id from child where family_id = any($1::uuid[])', [familyIds]);
    const byFamily = new Map<string, string[]>();
    for (const row of rows) byFamily.set(row.family_id, [...(byFamily.get(row.family_id) ?? []), row.id]);
    return familyIds.map((id) => byFamily.get(id) ?? []);
  });

  /**
   * `ServiceLink.grantsNow`: whether the link gives its partner anything today, by the
   * same predicate and the same categories as the partner's own grants (linkGrantsSql,
   * linkGrants): a lapse of the link or of its consent, else no category within the
   * partner kind's maximum (NO_CATEGORY), else it grants. One statement per batch.
   */
  linkState(linkId: string): Promise<GrantState> {
    return this.linkStates.load(linkId);
  }

  /** `Consent.grantsNow`: whether the consent is in force now (consentLapseSql), one statement per batch. */
  consentState(consentId: string): Promise<GrantState> {
    return this.consentStates.load(consentId);
  }

  private readonly linkStates = new DataLoader<string, GrantState>(async (ids) => {
    const rows = await sql<{ id: string; lapse: GrantLapse | null; categories: string[]; kind: PartnerKind; file_active: boolean }>(
      this.em,
      `select sl.id, ${linkLapseSql('sl', 'c', '$3::date', '$4')} as lapse, ${linkCategoriesSql('sl', 'cs')} as categories, p.kind,
              ch.lifecycle = any('${pgArray(LINK_FILE_LIFECYCLES)}'::child_lifecycle[]) as file_active
         from ${linkGrantJoinsSql('sl', 'c', 'cs', 'ch')}
         join partner p on p.id = sl.partner_id
        where sl.programme_id = $1 and sl.id = any($2::uuid[])`,
      [this.viewer?.programmeId ?? null, ids, parisDate(this.now), this.now],
    );
    const byId = new Map(rows.map((row) => [row.id, linkStateOf(row)] as const));
    return ids.map((id) => byId.get(id) ?? { grantsNow: false, lapse: null });
  });

  private readonly consentStates = new DataLoader<string, GrantState>(async (ids) => {
    const rows = await sql<{ id: string; lapse: GrantLapse | null }>(
      this.em,
      `select c.id, ${consentLapseSql('c', '$3::date', '$4')} as lapse from consent c where c.programme_id = $1 and c.id = any($2::uuid[])`,
      [this.viewer?.programmeId ?? null, ids, parisDate(this.now), this.now],
    );
    const byId = new Map(rows.map((row) => [row.id, { grantsNow: row.lapse === null, lapse: row.lapse }] as const));
    return ids.map((id) => byId.get(id) ?? { grantsNow: false, lapse: null });
  });

  /** Whether the child is in the viewer's rows. */
  async canSee(childId: string): Promise<boolean> {
    return (await this.categories(childId)).size > 0;
  }

  private grants(): Promise<Grants> {
    this.grantsPromise ??= this.loadGrants().then((grants) => (this.loaded = grants));
    return this.grantsPromise;
  }

  private async loadGrants(): Promise<Grants> {
    const viewer = this.viewer;
    if (!viewer) return { byChild: new Map() };
    const max = this.maximum;
    if (max.size === 0) return { byChild: new Map() };
    const rule = ROLE_POLICY[viewer.role].rows;
    const today = parisDate(this.now);
    const query = (text: string, params: unknown[]) => sql<{ child_id: string }>(this.em, text, params);
    const withMax = (rows: { child_id: string }[]) =>
      new Map(rows.map((r) => [r.child_id, max] as const));

    switch (rule) {
      case RowRule.NONE:
        return { byChild: new Map() };
      case RowRule.PROGRAMME:
        return { all: max, byChild: new Map() };
      case RowRule.REFERENT:
        return {
          byChild: withMax(
            await query(
              `select r.child_id from (
                 select child_id from pathway where programme_id = $1 and referent_id = $2
                 union
                 select child_id from referral where programme_id = $1 and assigned_to_id = $2) r
               join child c on c.id = r.child_id and c.lifecycle = any($3::child_lifecycle[])`,
              [viewer.programmeId, viewer.accountId, ROW_RULE_LIFECYCLES[rule]],
            ),
          ),
        };
      case RowRule.INCLUSION:
        return { byChild: await this.inclusionGrants(viewer, today, max) };
      case RowRule.PARENTAL_AUTHORITY:
        if (!viewer.guardianId) return { byChild: new Map() };
        return {
          byChild: withMax(
            await query(
              `select c.id as child_id from child c
               join guardian g on g.family_id = c.family_id
               where g.id = $1 and g.parental_authority and c.programme_id = $2 and c.lifecycle = any($3::child_lifecycle[])`,
              [viewer.guardianId, viewer.programmeId, ROW_RULE_LIFECYCLES[rule]],
            ),
          ),
        };
      case RowRule.SERVICE_LINK:
        if (!viewer.partnerId) return { byChild: new Map() };
        return { byChild: await this.linkGrants(viewer.programmeId, viewer.partnerId, today, max) };
    }
  }

  /**
   * Policy, INCLUSION_REFERENT rows: "children with an inclusion follow-up opened with the
   * family's INCLUSION_FOLLOW_UP consent, or an ACTIVE link it created"; its maximum
   * without HEALTH, and "HEALTH only where that consent's scope covers HEALTH". The consent
   * is the family's agreement to the referent's own structure: its scope names that
   * structure, and gives HEALTH on that line or not. It counts while it is in force, the
   * link while it grants (linkInForceSql): a proposed, suspended, revoked or expired link
   * gives the referent nothing.
   */
  private async inclusionGrants(viewer: Viewer, today: string, max: CategorySet): Promise<Map<string, CategorySet>> {
    const rows = await sql<{ child_id: string; health: boolean }>(
      this.em,
      `select f.child_id, bool_or(cs.categories @> array['HEALTH']::data_category[]) as health
         from inclusion_follow_up f
         join consent c on c.id = f.consent_id and c.child_id = f.child_id and c.purpose = 'INCLUSION_FOLLOW_UP'
         join consent_scope cs on cs.consent_id = c.id and cs.partner_id = $3
         join child ch on ch.id = f.child_id and ch.lifecycle = any($6::child_lifecycle[])
        where f.programme_id = $1 and ${consentInForceSql('c', '$4::date', '$5')}
        group by f.child_id
       union all
       select sl.child_id, false
         from service_link sl
         left join consent c on c.id = sl.consent_id
         join child ch on ch.id = sl.child_id and ch.lifecycle = any($6::child_lifecycle[])
        where sl.programme_id = $1 and sl.created_by_id = $2 and ${linkInForceSql('sl', 'c', '$4::date', '$5')}`,
      [viewer.programmeId, viewer.accountId, viewer.partnerId ?? null, today, this.now, ROW_RULE_LIFECYCLES[RowRule.INCLUSION]],
    );
    const withoutHealth: CategorySet = new Set([...max].filter((category) => category !== DataCategory.HEALTH));
    const byChild = new Map<string, CategorySet>();
    for (const row of rows) {
      if (row.health && max.has(DataCategory.HEALTH)) byChild.set(row.child_id, max);
      else if (!byChild.has(row.child_id)) byChild.set(row.child_id, withoutHealth);
    }
    return byChild;
  }

  /**
   * Policy: "A partner agent's effective categories for a child = its kind's maximum ∩ the
   * union of the categories of that child's ACTIVE links to its partner whose validity
   * covers today, ∩ the scope of the consent each link rests on (for links with legal
   * basis CONSENT)". A CONSENT link counts only while its consent is given, unexpired
   * and not withdrawn.
   */
  private async linkGrants(
    programmeId: string,
    partnerId: string,
    today: string,
    max: CategorySet,
  ): Promise<Map<string, CategorySet>> {
    const rows = this.prefetchedLinkGrants ?? (await sql<LinkGrantRow>(this.em, linkGrantsSql('$1', '$2', '$3::date', '$4'), [programmeId, partnerId, today, this.now]));
    const byChild = new Map<string, Set<DataCategory>>();
    for (const row of rows) {
      const granted = grantedWithin(row.categories, max);
      if (!granted.length) continue;
      const set = byChild.get(row.child_id) ?? new Set<DataCategory>();
      for (const category of granted) set.add(category);
      byChild.set(row.child_id, set);
    }
    // A link that grants nothing within the kind's maximum does not make the child visible.
    return byChild;
  }
}

/** A link's state from its lapse, its categories and its partner's kind (Access.linkState). */
function linkStateOf(row: { lapse: GrantLapse | null; categories: string[]; kind: PartnerKind; file_active: boolean }): GrantState {
  if (row.lapse) return { grantsNow: false, lapse: row.lapse };
  if (!row.file_active) return { grantsNow: false, lapse: GrantLapse.FILE_NOT_ACTIVE };
  if (!grantedWithin(row.categories, new Set(maxCategories(Role.PARTNER_AGENT, row.kind))).length) return { grantsNow: false, lapse: GrantLapse.NO_CATEGORY };
  return { grantsNow: true, lapse: null };
}

/** A link grant: a child, and the categories one of its links gives (before the kind's maximum). */
export interface LinkGrantRow {
  child_id: string;
  categories: string[] | string;
}

/**
 * The link grants of a partner (see Access.linkGrants) as a select: `programme` and
 * `partner` are SQL expressions (parameters, or columns of an enclosing statement), `today`
 * a date and `now` a timestamp.
 */
export function linkGrantsSql(programme: string, partner: string, today: string, now: string): string {
  return `select sl.child_id, ${linkCategoriesSql('sl', 'cs')} as categories
         from ${linkGrantJoinsSql('sl', 'c', 'cs', 'ch')}
        where sl.programme_id = ${programme} and sl.partner_id = ${partner} and ch.lifecycle = any('${pgArray(LINK_FILE_LIFECYCLES)}'::child_lifecycle[])
          and ${linkInForceSql('sl', 'c', today, now)}`;
}

/** The files whose links grant (policy: a partner's rows are ACTIVE files only). */
const LINK_FILE_LIFECYCLES = ROW_RULE_LIFECYCLES[RowRule.SERVICE_LINK];

/** A link `sl` with its consent `c`, the consent's scope line for the link's partner `cs`, and its child `ch`. */
function linkGrantJoinsSql(sl: string, c: string, cs: string, ch: string): string {
  return `service_link ${sl}
         left join consent ${c} on ${c}.id = ${sl}.consent_id
         left join consent_scope ${cs} on ${cs}.consent_id = ${c}.id and ${cs}.partner_id = ${sl}.partner_id
         join child ${ch} on ${ch}.id = ${sl}.child_id`;
}

/**
 * Policy: the categories a link gives its partner before the kind's maximum: its own, ∩ the
 * scope of its consent for that partner when its legal basis is CONSENT.
 */
function linkCategoriesSql(sl: string, cs: string): string {
  return `case when ${sl}.legal_basis = 'CONSENT'
               then array(select unnest(${sl}.categories) intersect select unnest(${cs}.categories))
               else ${sl}.categories end::text[]`;
}

/**
 * Policy, "Links and consent over time", as the one place it is written: why a consent
 * does not count at `now` (withdrawn, not given yet, expired on `today`, a date), as a
 * GrantLapse, or null while it is in force. `c` is the consent's alias. The access check
 * (consentInForceSql) and `Consent.grantsNow` both read it.
 */
export function consentLapseSql(c: string, today: string, now: string): string {
  return `case when ${c}.withdrawn_at is not null then '${GrantLapse.CONSENT_WITHDRAWN}'
               when ${c}.given_at > ${now} then '${GrantLapse.CONSENT_NOT_YET_GIVEN}'
               when ${c}.expires_on < ${today} then '${GrantLapse.CONSENT_EXPIRED}' end`;
}

/** A consent counts while it has no lapse (consentLapseSql). */
export function consentInForceSql(c: string, today: string, now: string): string {
  return `(${consentLapseSql(c, today, now)}) is null`;
}

/**
 * The same rule as consentLapseSql, for a consent the workflows hold: why it is not in
 * force at `now` ("was withdrawn", "is not given yet", "expired on ..."), or undefined
 * when it is.
 */
export function consentLapse(consent: { withdrawnAt?: Date | null; givenAt: Date; expiresOn?: string | null }, now: Date): string | undefined {
  if (consent.withdrawnAt) return 'was withdrawn';
  if (consent.givenAt.getTime() > now.getTime()) return 'is not given yet';
  if (consent.expiresOn != null && consent.expiresOn < parisDate(now)) return `expired on ${consent.expiresOn}`;
  return undefined;
}

/**
 * Policy, "Links and consent over time", as the one place it is written: why a link does
 * not grant today, as a GrantLapse, or null when it does: it grants while it is ACTIVE,
 * between `validFrom` and `validUntil`, and (legal basis CONSENT) while the consent it
 * rests on, of the same child, is in force. `sl` is the link's alias, `c` its consent's
 * (left joined on sl.consent_id). A link to a deactivated partner grants nothing (ADMIN,
 * "Writes"). The access check (linkInForceSql) and `ServiceLink.grantsNow` both read it.
 */
export function linkLapseSql(sl: string, c: string, today: string, now: string): string {
  return `case when ${sl}.status <> 'ACTIVE' then ${sl}.status::text
               when ${sl}.valid_from > ${today} then '${GrantLapse.NOT_YET_VALID}'
               when ${sl}.valid_until < ${today} then '${GrantLapse.EXPIRED}'
               when not exists (select 1 from partner lp where lp.id = ${sl}.partner_id and lp.active) then '${GrantLapse.PARTNER_INACTIVE}'
               when ${sl}.legal_basis <> 'CONSENT' then null
               when ${c}.id is null or ${c}.child_id <> ${sl}.child_id then '${GrantLapse.CONSENT_MISSING}'
               else ${consentLapseSql(c, today, now)} end`;
}

/**
 * A link grants while it has no lapse (linkLapseSql). The status test is implied by the
 * lapse; written out, it lets the planner skip the links that are not ACTIVE.
 */
export function linkInForceSql(sl: string, c: string, today: string, now: string): string {
  return `${sl}.status = 'ACTIVE' and (${linkLapseSql(sl, c, today, now)}) is null`;
}

/** The categories a link grants a partner of maximum `max` (the access check's last step). */
export function grantedWithin(categories: string[] | string, max: CategorySet): DataCategory[] {
  return parseCategories(categories).filter((category) => max.has(category));
}

/** Whether a link or a consent grants now, and why not (GrantLapse), as the access check sees it. */
export interface GrantState {
  grantsNow: boolean;
  lapse: GrantLapse | null;
}

/** The roles whose rows are their partner's links (the grants read with the account). */
export const LINK_ROW_ROLES = Object.entries(ROLE_POLICY)
  .filter(([, policy]) => policy.rows === RowRule.SERVICE_LINK)
  .map(([role]) => role);

interface Grants {
  /** Set when the viewer sees every child of the programme, with these categories. */
  all?: CategorySet;
  byChild: Map<string, CategorySet>;
}

/**
 * What a request read and was refused, per child and category; written to access_event
 * in one statement when the response is sent (src/permissions/access-log.ts).
 */
export class AccessLog {
  readonly reads = new Map<string, Set<DataCategory>>();
  readonly denials = new Map<string | null, Set<DataCategory>>();
  /** Files exported on a request (DPO, guardian): one EXPORT event per child. */
  readonly exports = new Map<string, Set<DataCategory>>();

  exported(childId: string, categories: readonly DataCategory[]): void {
    this.exports.set(childId, new Set(categories));
  }

  read(childId: string, category: DataCategory): void {
    let set = this.reads.get(childId);
    if (!set) this.reads.set(childId, (set = new Set()));
    set.add(category);
  }

  denied(childIds: readonly string[], category: DataCategory): void {
    for (const childId of childIds.length ? childIds : [null]) {
      let set = this.denials.get(childId);
      if (!set) this.denials.set(childId, (set = new Set()));
      set.add(category);
    }
  }

  get empty(): boolean {
    return this.reads.size === 0 && this.denials.size === 0 && this.exports.size === 0;
  }
}

/** A PostgreSQL array literal: knex would expand a JS array into a list of parameters. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** node-postgres returns text[] as an array, but enum arrays as a '{A,B}' literal. */
function parseCategories(value: string[] | string): DataCategory[] {
  const list = Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return list as DataCategory[];
}
