import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Child,
  Consent,
  InclusionFollowUp,
  Observation,
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
}

export interface ObservationKey {
  childId: string;
  category: DataCategory;
}

export function createLoaders(em: EntityManager): Loaders {
  return {
    inclusionFollowUpByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(InclusionFollowUp, { child: { $in: [...childIds] } });
      const byChild = new Map(rows.map((f) => [f.child.id, f] as const));
      return childIds.map((id) => byChild.get(id) ?? null);
    }),

    currentPathwayByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(Pathway, { child: { $in: [...childIds] } });
      const byChild = groupBy(rows, (p) => p.child.id);
      return childIds.map((id) => pickCurrentPathway(byChild.get(id) ?? []));
    }),

    serviceLinksByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(
        ServiceLink,
        { child: { $in: [...childIds] } },
        { orderBy: { validFrom: 'desc', createdAt: 'desc', id: 'asc' } },
      );
      return listsFor(childIds, groupBy(rows, (l) => l.child.id));
    }),

    consentsByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(
        Consent,
        { child: { $in: [...childIds] } },
        { orderBy: { givenAt: 'desc', id: 'asc' } },
      );
      return listsFor(childIds, groupBy(rows, (c) => c.child.id));
    }),

    referralsByChild: new DataLoader(async (childIds) => {
      const rows = await em.find(
        Referral,
        { child: { $in: [...childIds] } },
        { orderBy: { referredOn: 'desc', id: 'desc' } },
      );
      return listsFor(childIds, groupBy(rows, (r) => r.child.id));
    }),

    observationsByChild: new DataLoader(
      async (keys) => {
        const childIds = [...new Set(keys.map((k) => k.childId))];
        const categories = [...new Set(keys.map((k) => k.category))];
        const rows = await em.find(
          Observation,
          { child: { $in: childIds }, category: { $in: categories } },
          { orderBy: { createdAt: 'desc', id: 'asc' } },
        );
        const byKey = groupBy(rows, (o) => observationKey({ childId: o.child.id, category: o.category }));
        return keys.map((k) => byKey.get(observationKey(k)) ?? []);
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
