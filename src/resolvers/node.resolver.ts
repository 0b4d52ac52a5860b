import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EntityName } from '@mikro-orm/core';
import {
  Accommodation,
  Account,
  Action,
  AdaptedActivity,
  Consent,
  FamilyMeeting,
  Guardian,
  InclusionFollowUp,
  Objective,
  Observation,
  Partner,
  Pathway,
  Referral,
  Review,
  ServiceLink,
  TeamMeeting,
  Workshop,
} from '../entities';
import { DataCategory, Role } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { NodeInterface } from '../schema/node.type';
import { GuardianSummaryValue, ViewerValue } from '../schema/sources';
import { fromGlobalId } from '../schema/global-id';
import { NotFound } from '../errors';
import { assertCategory, assertChildVisible, concernsViewer, keepVisibleChildren, type ChildRecord } from './rows';
import { assertFamilyVisible } from './family.resolver';

/**
 * How node(id) fetches each type, with the same three checks as the dedicated queries:
 * tenant (programme), row (its child, or one of its children, is visible: else
 * NOT_FOUND) and category (the category the object belongs to is granted for that
 * child: else FORBIDDEN). An unknown type prefix is NOT_FOUND.
 */
type Fetch = (ctx: Context, id: string, shownId: string) => Promise<object>;

const { CONTACT, PATHWAY, INCLUSION } = DataCategory;

const FETCH: Record<string, Fetch> = {
  Child: (ctx, id, shown) => assertChildVisible(ctx, id, 'Child', shown),
  Family: (ctx, id, shown) => assertFamilyVisible(ctx, id, shown),
  Guardian: async (ctx, id, shown) => {
    const guardian = await inProgramme(ctx, Guardian, id, 'Guardian', shown);
    await familyCategory(ctx, guardian.family.id, CONTACT, 'Guardian', shown);
    return guardian;
  },
  GuardianSummary: async (ctx, id, shown) => {
    const guardian = await inProgramme(ctx, Guardian, id, 'GuardianSummary', shown);
    await familyCategory(ctx, guardian.family.id, PATHWAY, 'GuardianSummary', shown);
    return new GuardianSummaryValue(guardian);
  },
  Partner: (ctx, id, shown) => inProgramme(ctx, Partner, id, 'Partner', shown),
  Workshop: (ctx, id, shown) => inProgramme(ctx, Workshop, id, 'Workshop', shown),
  TeamMeeting: (ctx, id, shown) => inProgramme(ctx, TeamMeeting, id, 'TeamMeeting', shown),
  // A guardian's account name is its family's data: only staff accounts (and oneself).
  AccountSummary: async (ctx, id, shown) => {
    const account = await inProgramme(ctx, Account, id, 'AccountSummary', shown);
    if (account.role === Role.GUARDIAN && account.id !== viewerOf(ctx).accountId) throw new NotFound('AccountSummary', shown);
    return account;
  },
  Viewer: async (ctx, id, shown) => {
    const viewer = viewerOf(ctx);
    if (id !== viewer.accountId) throw new NotFound('Viewer', shown);
    return new ViewerValue(viewer);
  },
  Observation: async (ctx, id, shown) => {
    const observation = await inProgramme(ctx, Observation, id, 'Observation', shown);
    await childCategory(ctx, observation.child.id, observation.category, 'Observation', shown);
    return observation;
  },
  ServiceLink: async (ctx, id, shown) => {
    const link = await inProgramme(ctx, ServiceLink, id, 'ServiceLink', shown);
    await childCategory(ctx, link.child.id, PATHWAY, 'ServiceLink', shown);
    // Another structure's link is unknown to a partner agent, like an absent one.
    if (!concernsViewer(ctx, [link.partner.id, link.originPartner?.id])) throw new NotFound('ServiceLink', shown);
    return link;
  },
  Consent: async (ctx, id, shown) => {
    const consent = await inProgramme(ctx, Consent, id, 'Consent', shown);
    await childCategory(ctx, consent.child.id, PATHWAY, 'Consent', shown);
    return consent;
  },
  Referral: async (ctx, id, shown) => {
    const referral = await inProgramme(ctx, Referral, id, 'Referral', shown);
    await childCategory(ctx, referral.child.id, PATHWAY, 'Referral', shown);
    return referral;
  },
  Pathway: async (ctx, id, shown) => {
    const pathway = await inProgramme(ctx, Pathway, id, 'Pathway', shown);
    await childCategory(ctx, pathway.child.id, PATHWAY, 'Pathway', shown);
    return pathway;
  },
  Objective: async (ctx, id, shown) => {
    const objective = await inProgramme(ctx, Objective, id, 'Objective', shown);
    const pathway = await objective.pathway.loadOrFail();
    await childCategory(ctx, pathway.child.id, PATHWAY, 'Objective', shown);
    return objective;
  },
  Review: async (ctx, id, shown) => {
    const review = await inProgramme(ctx, Review, id, 'Review', shown);
    const pathway = await review.pathway.loadOrFail();
    await childCategory(ctx, pathway.child.id, PATHWAY, 'Review', shown);
    return review;
  },
  // A collective action belongs to several pathways: visible through any of them.
  Action: async (ctx, id, shown) => {
    const action = await inProgramme(ctx, Action, id, 'Action', shown);
    const pathways = (await action.pathways.load()).getItems();
    const children = await ctx.loaders.childById.loadMany(pathways.map((p) => p.child.id));
    const visible = await keepVisibleChildren(ctx, children.filter((c): c is ChildRecord => c != null && !(c instanceof Error)));
    if (visible.length === 0) throw new NotFound('Action', shown);
    await assertCategory(ctx, visible.map((c) => c.id), PATHWAY);
    return action;
  },
  Accommodation: async (ctx, id, shown) => {
    const accommodation = await inProgramme(ctx, Accommodation, id, 'Accommodation', shown);
    const followUp = await accommodation.followUp.loadOrFail();
    await childCategory(ctx, followUp.child.id, INCLUSION, 'Accommodation', shown);
    return accommodation;
  },
  AdaptedActivity: async (ctx, id, shown) => {
    const activity = await inProgramme(ctx, AdaptedActivity, id, 'AdaptedActivity', shown);
    const followUp = await activity.followUp.loadOrFail();
    await childCategory(ctx, followUp.child.id, INCLUSION, 'AdaptedActivity', shown);
    return activity;
  },
  InclusionFollowUp: async (ctx, id, shown) => {
    const followUp = await inProgramme(ctx, InclusionFollowUp, id, 'InclusionFollowUp', shown);
    await childCategory(ctx, followUp.child.id, INCLUSION, 'InclusionFollowUp', shown);
    return followUp;
  },
  // About one child, or about the household (visible through any of its children).
  FamilyMeeting: async (ctx, id, shown) => {
    const meeting = await inProgramme(ctx, FamilyMeeting, id, 'FamilyMeeting', shown);
    if (meeting.child) await childCategory(ctx, meeting.child.id, INCLUSION, 'FamilyMeeting', shown);
    else await familyCategory(ctx, meeting.family.id, INCLUSION, 'FamilyMeeting', shown);
    return meeting;
  },
};

/** The type names node(id) can fetch: every object type implementing Node. */
export const NODE_TYPE_NAMES = Object.keys(FETCH);

async function inProgramme<T extends { id: string }>(
  ctx: Context,
  entity: EntityName<T>,
  id: string,
  what: string,
  shown: string,
): Promise<T> {
  // The where is built loosely typed: every entity passed here is a TenantEntity.
  const where = { id, programme: viewerOf(ctx).programmeId } as unknown as Parameters<typeof ctx.em.findOne<T>>[1];
  const found = await ctx.em.findOne<T>(entity, where);
  if (!found) throw new NotFound(what, shown);
  return found;
}

async function childCategory(ctx: Context, childId: string, category: DataCategory, what: string, shown: string) {
  await assertChildVisible(ctx, childId, what, shown);
  await assertCategory(ctx, [childId], category);
}

async function familyCategory(ctx: Context, familyId: string, category: DataCategory, what: string, shown: string) {
  const visible = await keepVisibleChildren(ctx, await ctx.loaders.childrenByFamily.load(familyId));
  if (visible.length === 0) throw new NotFound(what, shown);
  await assertCategory(ctx, visible.map((c) => c.id), category);
}

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "Any object implementing Node, by its global ID (Relay). NOT_FOUND when it does not exist, is of an unknown type or is outside the viewer's rows; FORBIDDEN when its data category is not granted.",
  })
  async node(@Arg('id', () => ID, { description: 'Global ID of the object.' }) id: string, @Ctx() ctx: Context): Promise<object> {
    const { type, id: uuid } = fromGlobalId(id, 'id');
    const fetch = Object.prototype.hasOwnProperty.call(FETCH, type) ? FETCH[type] : undefined;
    if (!fetch) throw new NotFound('Node', id);
    return fetch(ctx, uuid, id);
  }
}
