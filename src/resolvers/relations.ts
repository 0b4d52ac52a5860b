import type { Action, Family, Guardian, Objective, Pathway, Review } from '../entities';

/*
 * Collections read by several resolvers, in a stable order. Collection.load() is
 * batched per request by the ORM's dataloader; the order is applied here, in memory,
 * because an orderBy option would bypass that batching.
 */

export async function guardiansOf(family: Family): Promise<Guardian[]> {
  const items = (await family.guardians.load()).getItems();
  return [...items].sort((a, b) => cmp(a.lastName, b.lastName) || cmp(a.firstName, b.firstName) || cmp(a.id, b.id));
}

export async function pathwayObjectives(pathway: Pathway): Promise<Objective[]> {
  const items = (await pathway.objectives.load()).getItems();
  return [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || cmp(a.id, b.id));
}

/** By start date (unknown last), then title. */
export async function pathwayActions(pathway: Pathway): Promise<Action[]> {
  const items = (await pathway.actions.load()).getItems();
  return [...items].sort(
    (a, b) => cmpNullsLast(a.startDate, b.startDate) || cmp(a.title, b.title) || cmp(a.id, b.id),
  );
}

/** Newest first. */
export async function pathwayReviews(pathway: Pathway): Promise<Review[]> {
  const items = (await pathway.reviews.load()).getItems();
  return [...items].sort((a, b) => cmp(b.heldOn, a.heldOn) || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpNullsLast(a: string | undefined, b: string | undefined): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  return cmp(a, b);
}
