import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Child,
  Consent,
  InclusionFollowUp,
  Observation,
  Partner,
  Pathway,
  Referral,
  ServiceLink,
} from '../entities';
import type { DataCategory } from '../entities/enums';
import { pickCurrentPathway } from './current-pathway';

/**
 * Hand-written DataLoaders, one set per request (made in createContext(), with the
 * request's EntityManager fork): the inverse lookups the entities do not declare
 * (child → pathway, follow-up, links, consents, referrals, observations; family →
 * children). Each batch is one SQL statement whatever the number of keys, so a page of
 * 100 children costs the same number of statements as a page of 1.
 *
 * They return rows of any child they are asked about: callers ask only for children
 * already checked against the viewer's rows (src/resolvers/rows.ts).
 *
 * Each loader joins the to-one relations its rows' resolvers read (partner, account,
 * guardian, consent, team meeting). Left to `Ref.load()`, those would be batched in the
 * tick after each loader returns: two branches of a response (links and referrals, say)
 * would then load partners in one batch or in two, depending on which query came back
 * first, and skip the load altogether when the identity map already held the rows. The
 * joins make the number of statements of a request the same every time
 * (tests/sql-count.int.test.ts).
 */
export interface Loaders {
  /** Child id → its inclusion follow-up, or null. */
  inclusionFollowUpByChild: DataLoader<string, InclusionFollowUp | null>;
  /** Child id → its current pathway (see ./current-pathway.ts), or null. */
  currentPathwayByChild: DataLoader<string, Pathway | null>;
  /** Child id → its service links, newest validity first. */
  serviceLinksByChild: DataLoader<string, ServiceLink[]>;
  /** Child id → its consents, newest first. */
  consentsByChild: DataLoader<string, Consent[]>;
  /** Child id → its referrals, newest first. */
  referralsByChild: DataLoader<string, Referral[]>;
  /** (child id, category) → the child's observations of that category, newest first. */
  observationsByChild: DataLoader<ObservationKey, Observation[], string>;
  /** Family id → all its children (not restricted to any viewer's rows), by name. */
  childrenByFamily: DataLoader<string, Child[]>;
  /**
   * Partner id → the partner (not personal data), for rows read through a collection, whose
   * to-one relations cannot be joined (a pathway's actions: their provider).
   */
  partnerById: DataLoader<string, Partner | null>;
}

export interface ObservationKey {
  childId: string;
  category: DataCategory;
}

export function createLoaders(em: EntityManager): Loaders {
  /** Child id → all its observations, newest first (the categories are told apart in memory). */
  const observationsOfChild = new DataLoader<string, Observation[]>(async (childIds) => {
    const rows = await em.find(
      Observation,
      { child: { $in: [...childIds] } },
      { populate: ['author', 'partner'], orderBy: { createdAt: 'desc', id: 'asc' } },
    );
    return listsFor(childIds, groupBy(rows, (o) => o.child.id));
  });

  return {
    inclusionFollowUpByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(
        InclusionFollowUp,
        { child: { $in: [...childIds] } },
        { populate: ['referent', 'assessedBy', 'accommodations.partner', 'adaptedActivities.partner'] },
      );
      const byChild = new Map(rows.map((f) => [f.child.id, f] as const));
      return childIds.map((id) => byChild.get(id) ?? null);
    }),

    currentPathwayByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(Pathway, { child: { $in: [...childIds] } }, { populate: ['referent'] });
      const byChild = groupBy(rows, (p) => p.child.id);
      return childIds.map((id) => pickCurrentPathway(byChild.get(id) ?? []));
    }),

    serviceLinksByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(
        ServiceLink,
        { child: { $in: [...childIds] } },
        {
          populate: ['partner', 'originPartner', 'createdBy', 'consent.givenBy'],
          orderBy: { validFrom: 'desc', createdAt: 'desc', id: 'asc' },
        },
      );
      return listsFor(childIds, groupBy(rows, (l) => l.child.id));
    }),

    consentsByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(
        Consent,
        { child: { $in: [...childIds] } },
        { populate: ['givenBy', 'recordedBy', 'scope.partner'], orderBy: { givenAt: 'desc', id: 'asc' } },
      );
      return listsFor(childIds, groupBy(rows, (c) => c.child.id));
    }),

    referralsByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(
        Referral,
        { child: { $in: [...childIds] } },
        { populate: ['referringPartner', 'assignedTo', 'teamMeeting'], orderBy: { referredOn: 'desc', id: 'desc' } },
      );
      return listsFor(childIds, groupBy(rows, (r) => r.child.id));
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

    childrenByFamily: new DataLoader(async (familyIds) => {
      const rows = await em.find(
        Child,
        { family: { $in: [...familyIds] } },
        { orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' } },
      );
      return listsFor(familyIds, groupBy(rows, (c) => c.family.id));
    }),

    // Always one query, even when the identity map already holds some of the partners:
    // Ref.load() would skip those, and the count would depend on what other branches loaded first.
    partnerById: new DataLoader(async (ids) => {
      const rows = await em.find(Partner, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((p) => [p.id, p] as const));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
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
