import type { Child, ServiceLink } from '../entities';
import { DataCategory, Role } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { Forbidden, NotFound } from '../errors';
import type { RecordOf } from '../read/records';

/** A child as the read paths give it. */
export type ChildRecord = RecordOf<Child>;

/**
 * The row rule (access-policy.md, question 2: "may this viewer see this child at all?")
 * in one place. Every resolver that returns children, or objects of a child, goes
 * through these helpers. The tenant is also restricted here, on top of the ORM's
 * `tenant` filter (defence in depth: access-policy.md, question 1).
 */

/**
 * The child, when it exists in the viewer's programme and rows; NOT_FOUND otherwise
 * (absent and "not yours" are indistinguishable). `what` and `shownId` (the ID the client
 * sent) word the error, so that an object looked up through its child does not name it.
 */
export async function assertChildVisible(
  ctx: Context,
  childId: string,
  what = 'Child',
  shownId: string = childId,
): Promise<ChildRecord> {
  // The child and the grants are read side by side, found or not: "absent" and "not
  // yours" cost the same statements (access-policy.md, "What a request may reveal").
  const [child] = await Promise.all([ctx.loaders.childById.load(childId), ctx.access.rows()]);
  if (!child || !(await inRows(ctx, child))) throw new NotFound(what, shownId);
  return child;
}

/** Whether the child is in the viewer's programme and rows. */
async function inRows(ctx: Context, child: ChildRecord): Promise<boolean> {
  if (child.programmeId !== viewerOf(ctx).programmeId) return false;
  return (await ctx.access.rows()) === 'ALL' || ctx.access.canSee(child.id);
}

/**
 * A related child (ServiceLink.child, Referral.child, ...), by its id, or null when it is
 * outside the viewer's rows or programme. Batched (ctx.loaders.childById).
 */
export async function visibleChild(ctx: Context, childId: string | null | undefined): Promise<ChildRecord | null> {
  if (!childId || !(await ctx.access.canSee(childId))) return null;
  const child = await ctx.loaders.childById.load(childId);
  return child && child.programmeId === viewerOf(ctx).programmeId ? child : null;
}

/** Keeps the children in the viewer's rows (and programme), in order. */
export async function keepVisibleChildren(ctx: Context, children: ChildRecord[]): Promise<ChildRecord[]> {
  const programmeId = viewerOf(ctx).programmeId;
  const rows = await ctx.access.rows();
  if (rows === 'ALL') return children.filter((c) => c.programmeId === programmeId);
  const set = new Set(rows);
  return children.filter((c) => set.has(c.id) && c.programmeId === programmeId);
}

/**
 * Policy, question 3, for the entry points that return objects of one category outside
 * the blocks of Child (node, pathway, serviceLinks, referrals): the category must be
 * granted for at least one of the children the object belongs to. The children must
 * already be known visible (NOT_FOUND comes first). FORBIDDEN otherwise.
 */
export async function assertCategory(ctx: Context, childIds: string[], category: DataCategory): Promise<void> {
  for (const id of childIds) {
    if ((await ctx.access.categories(id)).has(category)) {
      ctx.access.log.read(id, category);
      return;
    }
  }
  ctx.access.log.denied(childIds, category);
  throw new Forbidden(`Not allowed: ${category} data of this child is not granted to you`);
}

/**
 * The children whose objects of `category` the viewer may list: 'ALL' when it sees the
 * whole programme with that category, else the ids (possibly none).
 */
export async function childIdsWithCategory(ctx: Context, category: DataCategory): Promise<'ALL' | string[]> {
  const rows = await ctx.access.rows();
  if (rows === 'ALL') return ctx.access.maximum.has(category) ? 'ALL' : [];
  const ids: string[] = [];
  for (const id of rows) if ((await ctx.access.categories(id)).has(category)) ids.push(id);
  return ids;
}

/**
 * Strictly necessary (access-policy.md): a partner agent learns of a child's links only
 * the ones that concern its own structure (to or from it). The others would tell it which
 * other services follow the child (a CMP, social services...), which its grant does not
 * cover. Other roles see every link of a child they may see.
 */
export function concernsViewer(ctx: Context, partnerIds: (string | null | undefined)[]): boolean {
  const viewer = viewerOf(ctx);
  if (viewer.role !== Role.PARTNER_AGENT) return true;
  return partnerIds.some((id) => id != null && id === viewer.partnerId);
}

/** The service links of a child the viewer may know of (see concernsViewer). */
export async function childLinks(ctx: Context, childId: string): Promise<RecordOf<ServiceLink>[]> {
  const links = await ctx.loaders.serviceLinksByChild.load(childId);
  return links.filter((link) => concernsViewer(ctx, [link.partnerId, link.originPartnerId]));
}
