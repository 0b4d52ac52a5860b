import DataLoader from 'dataloader';
import { READABLE_LIFECYCLES } from '../permissions/policy';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Account,
  Accommodation,
  Action,
  AdaptedActivity,
  Child,
  Consent,
  ConsentScope,
  Family,
  FamilyMeeting,
  Guardian,
  InclusionFollowUp,
  Objective,
  Observation,
  Partner,
  Pathway,
  PathwayComment,
  Referral,
  Review,
  ServiceLink,
  TeamMeeting,
} from '../entities';
import type { DataCategory } from '../entities/enums';
import { pickCurrentPathway } from './current-pathway';
import { listOf, nestedList, readRecords, type RecordOf } from '../read/records';
import { sql } from '../db/sql';

/**
 * The read model's loaders, one set per request (made in createContext()): records
 * (src/read/records.ts, plain rows, no entity hydration) by id and the inverse lookups
 * (child → pathway, follow-up, links, consents, referrals, observations; family →
 * children, guardians; pathway → objectives, actions, reviews). Each batch is one SQL
 * statement whatever the number of keys, so a page of 100 children costs the same number
 * of statements as a page of 1.
 *
 * They return rows of any child they are asked about: callers ask only for children
 * already checked against the viewer's rows (src/resolvers/rows.ts). Every statement is
 * also restricted to the viewer's programme.
 *
 * The number of statements of a request must not depend on timing
 * (tests/sql-count.int.test.ts). A loader asked for different keys by two branches of a
 * response (the partner of a link, the partner of a referral) would send one batch or two
 * depending on which branch's rows came back first. So the objects many branches point to
 * (partners, accounts: a programme's directory, not personal data beyond staff names) are
 * read all at once, on first use; a consent's giver is read with the guardians of the
 * child's household. A block's rows are read with their owner in one statement where the
 * block always needs both (a household and its guardians; a follow-up, its accommodations
 * and adapted activities).
 */
export interface Loaders {
  /** Child id → the child (any child of the programme: callers check the rows). */
  childById: DataLoader<string, RecordOf<Child> | null>;
  /** Family id → the family. */
  familyById: DataLoader<string, RecordOf<Family> | null>;
  /** Family id → all its children (not restricted to any viewer's rows), by name. */
  childrenByFamily: DataLoader<string, RecordOf<Child>[]>;
  /** Family id → the family with its guardians (by last name, first name, id): the CONTACT block. */
  householdByFamily: DataLoader<string, Household | null>;
  /** Guardian id → the guardian (a giver outside the child's household: not expected). */
  guardianById: DataLoader<string, RecordOf<Guardian> | null>;
  /** Partner id → the partner, from the programme's directory. */
  partnerById: ById<RecordOf<Partner>>;
  /** Account id → the account, from the programme's directory (only names are shown). */
  accountById: ById<RecordOf<Account>>;
  /** Account id → its caseload as a referent (counts only), in one statement per batch. */
  caseloadByAccount: DataLoader<string, Caseload>;
  /** Child id → its inclusion follow-up, or null. */
  inclusionFollowUpByChild: DataLoader<string, RecordOf<InclusionFollowUp> | null>;
  /** Child id → the family meetings about it or about its whole household, newest first. */
  familyMeetingsByChild: DataLoader<string, RecordOf<FamilyMeeting>[]>;
  /** Follow-up id → its accommodations, by creation. */
  accommodationsByFollowUp: DataLoader<string, RecordOf<Accommodation>[]>;
  /** Follow-up id → its adapted activities, by creation. */
  adaptedActivitiesByFollowUp: DataLoader<string, RecordOf<AdaptedActivity>[]>;
  /** Child id → its current pathway (see ./current-pathway.ts), or null. */
  currentPathwayByChild: DataLoader<string, RecordOf<Pathway> | null>;
  /** Pathway id → its objectives, by creation. */
  objectivesByPathway: DataLoader<string, RecordOf<Objective>[]>;
  /** Pathway id → the actions it takes part in, by start date (unknown last), title. */
  actionsByPathway: DataLoader<string, RecordOf<Action>[]>;
  /** Pathway id → the family's comments on it, newest first (each with its child's id, for the CONTACT guard of its author). */
  commentsByPathway: DataLoader<string, RecordOf<PathwayComment>[]>;
  /** Pathway id → its reviews, newest first. */
  reviewsByPathway: DataLoader<string, RecordOf<Review>[]>;
  /** Child id → its service links, newest validity first. */
  serviceLinksByChild: DataLoader<string, RecordOf<ServiceLink>[]>;
  /** Child id → its consents, newest first. */
  consentsByChild: DataLoader<string, RecordOf<Consent>[]>;
  /** Consent id → the consent (for links and pathways of consents not read by child). */
  consentById: DataLoader<string, RecordOf<Consent> | null>;
  /** Consent id → the lines of its scope. */
  scopeByConsent: DataLoader<string, RecordOf<ConsentScope>[]>;
  /** Child id → its referrals, newest first. */
  referralsByChild: DataLoader<string, RecordOf<Referral>[]>;
  /** Team meeting id → the meeting. */
  teamMeetingById: DataLoader<string, RecordOf<TeamMeeting> | null>;
  /** Team meeting id → the ids of the partners that attended. */
  partnersByTeamMeeting: DataLoader<string, string[]>;
  /** (child id, category) → the child's observations of that category, newest first. */
  observationsByChild: DataLoader<ObservationKey, RecordOf<Observation>[], string>;
}

/** A family and its guardians, read in one statement. */
export interface Household {
  family: RecordOf<Family>;
  guardians: RecordOf<Guardian>[];
}

/** A lookup by id (a DataLoader, or a directory read at once). */
export interface ById<R> {
  load(id: string): Promise<R | null>;
}

/** A referent's caseload: counts, no child. */
export interface Caseload {
  /** Its ACTIVE pathways. */
  activePathways: number;
  /** The accepted referrals handed to it still waiting for a pathway: none open, none opened since the referral. */
  openReferrals: number;
}

/** The caseloads of accounts ($2) of a programme ($1): the counts of Caseload, active files only. */
const CASELOAD_SQL = `select a.id,
    (select count(*)::int from pathway p join child c on c.id = p.child_id and c.lifecycle = 'ACTIVE'
      where p.programme_id = $1 and p.referent_id = a.id and p.status = 'ACTIVE') as active_pathways,
    (select count(*)::int from referral r join child c on c.id = r.child_id and c.lifecycle = 'ACTIVE'
      where r.programme_id = $1 and r.assigned_to_id = a.id and r.status = 'ACCEPTED'
        and not exists (select 1 from pathway p where p.child_id = r.child_id and (p.status <> 'CLOSED' or p.created_at >= r.created_at))) as open_referrals
  from account a where a.programme_id = $1 and a.id = any($2::uuid[])`;

export interface ObservationKey {
  childId: string;
  category: DataCategory;
}

/**
 * `programmeId`: the viewer's programme. Every statement reads only its rows (on top of
 * the callers' own row checks).
 */
export function createLoaders(em: EntityManager, programmeId: string | null): Loaders {
  type Entity<E extends object> = Parameters<typeof readRecords<E>>[1];

  /** Records of `entity` whose `column` is one of `keys`, grouped by `keyOf`, in `orderBy`. */
  const recordsBy = async <E extends object>(
    entity: Entity<E>,
    column: string,
    keyOf: (record: RecordOf<E>) => string,
    keys: readonly string[],
    orderBy?: string,
  ): Promise<Map<string, RecordOf<E>[]>> => {
    const rows = await readRecords(em, entity, `t.programme_id = $1 and ${column} = any($2::uuid[])`, [programmeId, keys], orderBy);
    return groupBy(rows, keyOf);
  };
  const listsBy = <E extends object>(entity: Entity<E>, column: string, keyOf: (record: RecordOf<E>) => string, orderBy?: string) =>
    new DataLoader<string, RecordOf<E>[]>(async (keys) => listsFor(keys, await recordsBy(entity, column, keyOf, keys, orderBy)));
  const oneBy = <E extends object>(entity: Entity<E>, column: string, keyOf: (record: RecordOf<E>) => string) =>
    new DataLoader<string, RecordOf<E> | null>(async (keys) => {
      const found = await recordsBy(entity, column, keyOf, keys);
      return keys.map((key) => found.get(key)?.[0] ?? null);
    });
  const byId = <E extends { id: string }>(entity: Entity<E>) => oneBy<E>(entity, 't.id', (r) => idOfRecord(r));
  /** Every row of a small per-programme table, read once on first use. */
  const directory = <E extends { id: string }>(entity: Entity<E>): ById<RecordOf<E>> => {
    let all: Promise<Map<string, RecordOf<E>>> | undefined;
    return {
      async load(id) {
        all ??= readRecords(em, entity, 't.programme_id = $1', [programmeId]).then(
          (rows) => new Map(rows.map((r) => [idOfRecord(r), r] as const)),
        );
        return (await all).get(id) ?? null;
      },
    };
  };

  const accommodationsByFollowUp = listsBy(Accommodation, 't.follow_up_id', (a) => a.followUpId, 't.created_at, t.id');
  const adaptedActivitiesByFollowUp = listsBy(AdaptedActivity, 't.follow_up_id', (a) => a.followUpId, 't.created_at, t.id');

  /** Child id → all its observations, newest first (the categories are told apart in memory). */
  const observationsOfChild = listsBy(Observation, 't.child_id', (o) => o.childId, 't.created_at desc, t.id');

  return {
    // No read path returns an anonymised child (policy: READABLE_LIFECYCLES).
    childById: new DataLoader<string, RecordOf<Child> | null>(async (ids) => {
      const rows = await readRecords(em, Child, 't.programme_id = $1 and t.id = any($2::uuid[]) and t.lifecycle = any($3::child_lifecycle[])', [programmeId, ids, READABLE_LIFECYCLES]);
      const byKey = new Map(rows.map((r) => [r.id, r] as const));
      return ids.map((id) => byKey.get(id) ?? null);
    }),
    familyById: byId(Family),
    childrenByFamily: listsBy(Child, 't.family_id', (c) => c.familyId, 't.last_name, t.first_name, t.id'),
    householdByFamily: new DataLoader(async (familyIds) => {
      const rows = await readRecords(em, Family, 't.programme_id = $1 and t.id = any($2::uuid[])', [programmeId, familyIds], undefined, undefined, [
        nestedList(em, Guardian, 'guardians', 'family_id', 'id', 'n.last_name collate "C", n.first_name collate "C", n.id'),
      ]);
      const byId = new Map(rows.map((family) => [family.id, { family, guardians: takeList(em, Guardian, family, 'guardians') }] as const));
      return familyIds.map((id) => byId.get(id) ?? null);
    }),
    guardianById: byId(Guardian),
    partnerById: directory(Partner),
    accountById: directory(Account),
    caseloadByAccount: new DataLoader(async (accountIds) => {
      const rows = await sql<{ id: string; active_pathways: number; open_referrals: number }>(em, CASELOAD_SQL, [programmeId, accountIds]);
      const byId = new Map(rows.map((r) => [r.id, { activePathways: r.active_pathways, openReferrals: r.open_referrals }] as const));
      return accountIds.map((id) => byId.get(id) ?? { activePathways: 0, openReferrals: 0 });
    }),

    // The follow-up with its accommodations and adapted activities, in one statement: the
    // two lists are primed in their loaders (asked for only through a follow-up).
    inclusionFollowUpByChild: new DataLoader(async (childIds) => {
      const rows = await readRecords(em, InclusionFollowUp, 't.programme_id = $1 and t.child_id = any($2::uuid[])', [programmeId, childIds], undefined, undefined, [
        nestedList(em, Accommodation, 'accommodations', 'follow_up_id', 'id', 'n.created_at, n.id'),
        nestedList(em, AdaptedActivity, 'adaptedActivities', 'follow_up_id', 'id', 'n.created_at, n.id'),
      ]);
      for (const followUp of rows) {
        accommodationsByFollowUp.prime(followUp.id, takeList(em, Accommodation, followUp, 'accommodations'));
        adaptedActivitiesByFollowUp.prime(followUp.id, takeList(em, AdaptedActivity, followUp, 'adaptedActivities'));
      }
      const byChild = new Map(rows.map((f) => [f.childId, f] as const));
      return childIds.map((id) => byChild.get(id) ?? null);
    }),
    accommodationsByFollowUp,
    adaptedActivitiesByFollowUp,
    familyMeetingsByChild: new DataLoader(async (childIds) => {
      const rows = await readRecords(
        em,
        FamilyMeeting,
        't.programme_id = $1 and c.id = any($2::uuid[])',
        [programmeId, childIds],
        't.held_on desc, t.id',
        { join: 'join child c on c.family_id = t.family_id and (t.child_id is null or t.child_id = c.id)', ownerColumn: 'c.id' },
      );
      return listsFor(childIds, groupBy(rows, (m) => (m as unknown as { ownerId: string }).ownerId));
    }),

    currentPathwayByChild: new DataLoader(async (childIds) => {
      const byChild = await recordsBy(Pathway, 't.child_id', (p) => p.childId, childIds);
      return childIds.map((id) => pickCurrentPathway(byChild.get(id) ?? []));
    }),
    objectivesByPathway: listsBy(Objective, 't.pathway_id', (o) => o.pathwayId, 't.created_at, t.id'),
    actionsByPathway: new DataLoader(async (pathwayIds) => {
      const rows = await readRecords(
        em,
        Action,
        't.programme_id = $1 and ap.pathway_id = any($2::uuid[])',
        [programmeId, pathwayIds],
        't.start_date nulls last, t.title collate "C", t.id',
        { join: 'join action_pathway ap on ap.action_id = t.id', ownerColumn: 'ap.pathway_id' },
      );
      return listsFor(pathwayIds, groupBy(rows, (a) => (a as unknown as { ownerId: string }).ownerId));
    }),
    commentsByPathway: new DataLoader(async (pathwayIds) => {
      const rows = await readRecords(
        em,
        PathwayComment,
        't.programme_id = $1 and t.pathway_id = any($2::uuid[])',
        [programmeId, pathwayIds],
        't.created_at desc, t.id',
        undefined,
        ['(select p.child_id from pathway p where p.id = t.pathway_id) as "childId"'],
      );
      return listsFor(pathwayIds, groupBy(rows, (c) => c.pathwayId));
    }),
    reviewsByPathway: listsBy(Review, 't.pathway_id', (r) => r.pathwayId, 't.held_on desc, t.id'),

    serviceLinksByChild: listsBy(ServiceLink, 't.child_id', (l) => l.childId, 't.valid_from desc, t.created_at desc, t.id'),
    consentsByChild: listsBy(Consent, 't.child_id', (c) => c.childId, 't.given_at desc, t.id'),
    consentById: byId(Consent),
    scopeByConsent: listsBy(ConsentScope, 't.consent_id', (l) => l.consentId, 't.created_at, t.id'),
    referralsByChild: listsBy(Referral, 't.child_id', (r) => r.childId, 't.referred_on desc, t.id desc'),
    teamMeetingById: byId(TeamMeeting),
    partnersByTeamMeeting: new DataLoader(async (meetingIds) => {
      const rows = await sql<{ team_meeting_id: string; partner_id: string }>(
        em,
        `select tp.team_meeting_id, tp.partner_id from team_meeting_attending_partners tp join team_meeting m on m.id = tp.team_meeting_id
          where m.programme_id = $1 and tp.team_meeting_id = any($2::uuid[]) order by tp.partner_id`,
        [programmeId, meetingIds],
      );
      const groups = groupBy(rows, (r) => r.team_meeting_id);
      return meetingIds.map((id) => (groups.get(id) ?? []).map((r) => r.partner_id));
    }),

    // Keyed by (child, category), loaded by child: the blocks of a child ask for their
    // observations at different ticks (schooling at once, social after the family, inclusion
    // after the follow-up); one statement per child batch serves them all.
    observationsByChild: new DataLoader(
      async (keys) => {
        const lists = await observationsOfChild.loadMany(keys.map((k) => k.childId));
        return keys.map((k, i) => {
          const list = lists[i];
          return list instanceof Error ? list : list!.filter((o) => o.category === k.category);
        });
      },
      { cacheKeyFn: observationKey },
    ),
  };
}

/** Takes a nestedList column off its owner's record, as records. */
function takeList<E extends object>(em: EntityManager, entity: Parameters<typeof listOf<E>>[1], owner: object, name: string): RecordOf<E>[] {
  const values = owner as Record<string, unknown>;
  const list = listOf(em, entity, values[name]);
  delete values[name];
  return list;
}

function idOfRecord(record: unknown): string {
  return (record as { id: string }).id;
}

function observationKey(key: ObservationKey): string {
  return `${key.childId}:${key.category}`;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

function listsFor<T>(keys: readonly string[], groups: Map<string, T[]>): T[][] {
  return keys.map((k) => groups.get(k) ?? []);
}
