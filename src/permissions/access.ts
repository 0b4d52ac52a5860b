import { isRecordOf } from '../read/records';
import { sql } from '../db/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Child } from '../entities/child.entity';
import { Family } from '../entities/family.entity';
import { DataCategory } from '../entities/enums';
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
      let set = byChild.get(row.child_id);
      for (const category of parseCategories(row.categories)) {
        if (!max.has(category)) continue;
        if (!set) byChild.set(row.child_id, (set = new Set()));
        set.add(category);
      }
    }
    // A link that grants nothing within the kind's maximum does not make the child visible.
    return byChild;
  }
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
  return `select sl.child_id,
              case when sl.legal_basis = 'CONSENT'
                   then array(select unnest(sl.categories) intersect select unnest(cs.categories))
                   else sl.categories end::text[] as categories
         from service_link sl
         left join consent c on c.id = sl.consent_id
         left join consent_scope cs on cs.consent_id = c.id and cs.partner_id = sl.partner_id
         join child ch on ch.id = sl.child_id and ch.lifecycle = any('${pgArray(ROW_RULE_LIFECYCLES[RowRule.SERVICE_LINK])}'::child_lifecycle[])
        where sl.programme_id = ${programme} and sl.partner_id = ${partner} and ${linkInForceSql('sl', 'c', today, now)}`;
}

/**
 * Policy, "Links and consent over time": a consent counts while it is given (at `now`),
 * not withdrawn and not expired (`today`, a date). `c` is the consent's alias.
 */
export function consentInForceSql(c: string, today: string, now: string): string {
  return `${c}.withdrawn_at is null and ${c}.given_at <= ${now} and (${c}.expires_on is null or ${c}.expires_on >= ${today})`;
}

/**
 * The same rule as consentInForceSql, for a consent the workflows hold: why it is not in
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
 * Policy, "Links and consent over time": a link grants while it is ACTIVE, between
 * `validFrom` and `validUntil`, and (legal basis CONSENT) while the consent it rests on,
 * of the same child, is in force. `sl` is the link's alias, `c` its consent's (left joined
 * on sl.consent_id).
 */
export function linkInForceSql(sl: string, c: string, today: string, now: string): string {
  return `${sl}.status = 'ACTIVE' and ${sl}.valid_from <= ${today} and (${sl}.valid_until is null or ${sl}.valid_until >= ${today})
          and (${sl}.legal_basis <> 'CONSENT' or (${c}.id is not null and ${c}.child_id = ${sl}.child_id and ${consentInForceSql(c, today, now)}))`;
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
