import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import { Action, ActionPathway, Child, Consent, Objective, Pathway, Review } from '../entities';
import { AccessAction, ActionKind, ConsentPurpose, DataCategory, PathwayClosureKind, PathwayStatus } from '../entities/enums';
import type { Context } from '../context';
import { BadUserInput, Forbidden, NotFound } from '../errors';
import { WriteAction } from '../permissions/policy';
import { consentLapse } from '../permissions/access';
import { checkVersion, type MutationScope, type WriteEvent } from '../workflows/mutation';
import { ACTION, assertTransition, OBJECTIVE, PATHWAY } from '../workflows/state-machines';
import { checkDate, checkList, checkOptionalText, checkOrder, checkText } from '../workflows/validation';
import { filterIdOfType, idOfType } from '../schema/global-id';
import {
  AddActionInput,
  AddObjectiveArgs,
  AddReviewArgs,
  ClosePathwayArgs,
  OpenPathwayInput,
  PathwayEditArgs,
  SuspendPathwayArgs,
  UpdateReviewArgs,
  UpdateActionArgs,
  UpdateObjectiveArgs,
} from '../schema/pathway.inputs';
import { ActionType, ObjectiveType, PathwayType, ReviewType } from '../schema/pathway.type';
import { parisDate } from '../util/dates';
import { childInRows, mutateInRows, partnerOf, answered, yearsAfter } from '../workflows/lookups';
import { pathwayReferent } from './referral.mutations';

/**
 * The pathway workflow (issue 4, "The PRE pathway"). The coordinator opens a pathway on
 * a guardian's PATHWAY consent, suspends, resumes and closes it (policy "Writes":
 * PRE_COORDINATOR opens/closes pathways, assigns referents); the pathway's own referent
 * edits its objectives, actions and reviews (PATHWAY_REFERENT: "of its pathways"). Every
 * mutation is one transaction through mutate(), logged as a PATHWAY write of the child.
 */

const MAX_OBJECTIVE = 1000;
const MAX_TITLE = 200;
const MAX_OUTCOME = 2000;
const MAX_REVIEW = 5000;
const MAX_REASON = 2000;
/** Action dates are planned at most two years ahead and recorded at most two years back. */
const ACTION_YEARS = 2;

const pathwayWrite = (action: AccessAction, entity: string, childId: string): WriteEvent => ({
  action,
  entity,
  childId,
  categories: [DataCategory.PATHWAY],
});

@Resolver()
export class PathwayMutations {
  @Mutation(() => PathwayType, {
    description:
      'The coordinator opens the pathway of a child, with its referent, on a given, unwithdrawn, unexpired PATHWAY consent of that child ' +
      '(else BAD_USER_INPUT on input.consentId, reason CONSENT_REQUIRED). The pathway is created ACTIVE; a child has at most one pathway that is not closed.',
  })
  openPathway(
    @Arg('input', () => OpenPathwayInput, { description: 'The child, its referent, the consent and the start date.' }) input: OpenPathwayInput,
    @Ctx() ctx: Context,
  ): Promise<Pathway> {
    return answered(mutateInRows(ctx, WriteAction.RUN_PATHWAY, async (scope) => {
      const { em, viewer } = scope;
      const today = parisDate(ctx.now);
      const startDate = checkDate('input.startDate', input.startDate, { min: yearsAfter(today, -1), max: today });
      const child = await childInRows(ctx, em, input.childId, 'input.childId');
      const referent = await pathwayReferent(em, viewer.programmeId, input.referentId, 'input.referentId');
      const consent = await pathwayConsent(scope, ctx, input.consentId, child);
      // Serialises the openings of one child's pathway: the check below then sees the other's.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`open-pathway|${child.id}`]);
      if ((await em.count(Pathway, { child: child.id, status: { $ne: PathwayStatus.CLOSED } })) > 0) {
        throw new BadUserInput('input.childId', 'the child already has a pathway that is not closed', { reason: 'PATHWAY_ALREADY_OPEN' });
      }
      const pathway = em.create(Pathway, {
        programme: viewer.programmeId,
        child,
        referent,
        consent,
        startDate,
        status: PathwayStatus.DRAFT,
      });
      // Opening starts it: DRAFT → ACTIVE, through the table like every other move.
      assertTransition(PATHWAY, 'The pathway', pathway.status, PathwayStatus.ACTIVE);
      pathway.status = PathwayStatus.ACTIVE;
      scope.logWrite(pathwayWrite(AccessAction.CREATE, 'Pathway', child.id));
      return pathway;
    }));
  }

  @Mutation(() => PathwayType, { description: 'The coordinator suspends a pathway, with the reason: ACTIVE → SUSPENDED.' })
  suspendPathway(@Args() args: SuspendPathwayArgs, @Ctx() ctx: Context): Promise<Pathway> {
    const reason = () => checkText('reason', args.reason, MAX_REASON);
    return movePathway(ctx, args, PathwayStatus.SUSPENDED, reason, (pathway, why) => suspend(pathway, ctx.now, why));
  }

  @Mutation(() => PathwayType, {
    description:
      'The coordinator resumes a suspended pathway: SUSPENDED → ACTIVE, on its PATHWAY consent still in force ' +
      '(else BAD_USER_INPUT on id, reason CONSENT_REQUIRED: a withdrawn consent suspended it, a new pathway rests on a new consent).',
  })
  resumePathway(@Args() args: PathwayEditArgs, @Ctx() ctx: Context): Promise<Pathway> {
    return movePathway(ctx, args, PathwayStatus.ACTIVE, undefined, async (pathway) => {
      const consent = await pathway.consent?.load();
      const lapse = consent ? consentLapse(consent, ctx.now) : 'is missing';
      if (lapse) throw new BadUserInput('id', `the consent the pathway rests on ${lapse}`, { reason: 'CONSENT_REQUIRED' });
      pathway.suspendedAt = undefined;
      pathway.suspensionReason = undefined;
    });
  }

  @Mutation(() => PathwayType, { description: 'The coordinator closes a pathway, with the reason: → CLOSED, ending today.' })
  closePathway(@Args() args: ClosePathwayArgs, @Ctx() ctx: Context): Promise<Pathway> {
    const reason = () => checkText('reason', args.reason, MAX_REASON);
    return movePathway(ctx, args, PathwayStatus.CLOSED, reason, (pathway, closureReason) => {
      pathway.closureReason = closureReason;
      pathway.closureKind = args.kind ?? PathwayClosureKind.OTHER;
      pathway.endDate = parisDate(ctx.now);
      pathway.suspendedAt = undefined;
      pathway.suspensionReason = undefined;
    });
  }

  @Mutation(() => ObjectiveType, { description: "The pathway's referent adds an objective (status OPEN)." })
  addObjective(@Args() args: AddObjectiveArgs, @Ctx() ctx: Context): Promise<Objective> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_PATHWAY_CONTENT, async (scope) => {
      const text = checkText('text', args.text, MAX_OBJECTIVE);
      const pathway = await pathwayOfReferent(scope, ctx, idOfType(args.pathwayId, 'Pathway', 'pathwayId'), () => new NotFound('Pathway', args.pathwayId));
      assertNotClosed(pathway, 'pathwayId');
      const objective = scope.em.create(Objective, { programme: scope.viewer.programmeId, pathway, domain: args.domain, text });
      scope.logWrite(pathwayWrite(AccessAction.CREATE, 'Objective', pathway.child.id));
      return objective;
    }));
  }

  @Mutation(() => ObjectiveType, { description: "The pathway's referent edits an objective's text or records its outcome (OPEN → an outcome)." })
  updateObjective(@Args() args: UpdateObjectiveArgs, @Ctx() ctx: Context): Promise<Objective> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_PATHWAY_CONTENT, async (scope) => {
      const text = args.text == null ? undefined : checkText('text', args.text, MAX_OBJECTIVE);
      const objective = await scope.em.findOne(Objective, { id: idOfType(args.id, 'Objective', 'id'), programme: scope.viewer.programmeId });
      const notFound = () => new NotFound('Objective', args.id);
      if (!objective) throw notFound();
      const pathway = await pathwayOfReferent(scope, ctx, objective.pathway.id, notFound);
      checkVersion('Objective', objective, args.version);
      assertNotClosed(pathway, 'id');
      let changed = false;
      if (args.status != null && args.status !== objective.status) {
        assertTransition(OBJECTIVE, 'The objective', objective.status, args.status, 'status');
        objective.status = args.status;
        changed = true;
      }
      if (text !== undefined && text !== objective.text) {
        objective.text = text;
        changed = true;
      }
      if (changed) scope.logWrite(pathwayWrite(AccessAction.UPDATE, 'Objective', pathway.child.id));
      return objective;
    }, [{ type: 'Objective', id: args.id, field: 'id' }]));
  }

  @Mutation(() => ActionType, {
    description:
      "The pathways' referent adds an action: INDIVIDUAL (one pathway) or COLLECTIVE (several pathways, all of which the viewer is the referent of), with its domain, the child's time and the providing partner.",
  })
  addAction(
    @Arg('input', () => AddActionInput, { description: 'The action.' }) input: AddActionInput,
    @Ctx() ctx: Context,
  ): Promise<Action> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_PATHWAY_CONTENT, async (scope) => {
      const { em, viewer } = scope;
      const today = parisDate(ctx.now);
      const shownIds = checkList('input.pathwayIds', input.pathwayIds, { max: 100 });
      if (input.kind === ActionKind.INDIVIDUAL && shownIds.length !== 1) {
        throw new BadUserInput('input.pathwayIds', 'an INDIVIDUAL action belongs to exactly one pathway');
      }
      if (input.kind === ActionKind.COLLECTIVE && shownIds.length < 2) {
        throw new BadUserInput('input.pathwayIds', 'a COLLECTIVE action groups at least two pathways');
      }
      const title = checkText('input.title', input.title, MAX_TITLE);
      const range = { min: yearsAfter(today, -ACTION_YEARS), max: yearsAfter(today, ACTION_YEARS) };
      const startDate = input.startDate == null ? undefined : checkDate('input.startDate', input.startDate, range);
      const endDate = input.endDate == null ? undefined : checkDate('input.endDate', input.endDate, range);
      checkOrder('input.startDate', startDate, 'input.endDate', endDate);
      const provider = input.providerPartnerId == null ? undefined : await partnerOf(viewer, em, input.providerPartnerId, 'input.providerPartnerId');

      const pathways: Pathway[] = [];
      for (const shownId of shownIds) {
        const pathway = await pathwayOfReferent(scope, ctx, idOfType(shownId, 'Pathway', 'input.pathwayIds'), () => new NotFound('Pathway', shownId));
        assertNotClosed(pathway, 'input.pathwayIds');
        pathways.push(pathway);
      }
      const action = em.create(Action, {
        programme: viewer.programmeId,
        title,
        kind: input.kind,
        domain: input.domain,
        childTime: input.childTime,
        provider,
        startDate,
        endDate,
      });
      action.pathways.set(pathways);
      for (const childId of new Set(pathways.map((p) => p.child.id))) scope.logWrite(pathwayWrite(AccessAction.CREATE, 'Action', childId));
      return action;
    }));
  }

  @Mutation(() => ActionType, {
    description: "The referent of the action's pathways edits it: title, status (PLANNED → IN_PROGRESS → DONE, or CANCELLED), outcome, dates.",
  })
  updateAction(@Args() args: UpdateActionArgs, @Ctx() ctx: Context): Promise<Action> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_PATHWAY_CONTENT, async (scope) => {
      const { em, viewer } = scope;
      const today = parisDate(ctx.now);
      const title = args.title == null ? undefined : checkText('title', args.title, MAX_TITLE);
      const outcome = args.outcome == null ? undefined : checkText('outcome', args.outcome, MAX_OUTCOME);
      const range = { min: yearsAfter(today, -ACTION_YEARS), max: yearsAfter(today, ACTION_YEARS) };
      const startDate = args.startDate == null ? undefined : checkDate('startDate', args.startDate, range);
      const endDate = args.endDate == null ? undefined : checkDate('endDate', args.endDate, range);

      const action = await em.findOne(Action, { id: idOfType(args.id, 'Action', 'id'), programme: viewer.programmeId });
      if (!action) throw new NotFound('Action', args.id);
      const pathways = await actionPathwaysOfReferent(scope, ctx, action, args.id);
      checkVersion('Action', action, args.version);
      // A collective action goes on for the other children when one child's pathway closes.
      if (pathways.every((p) => p.status === PathwayStatus.CLOSED)) assertNotClosed(pathways[0], 'id');

      const start = startDate ?? action.startDate;
      const end = endDate ?? action.endDate;
      if (start && end && end < start) {
        throw endDate !== undefined
          ? new BadUserInput('endDate', `must not be before startDate (${start})`)
          : new BadUserInput('startDate', `must not be after endDate (${end})`);
      }
      const before = { title: action.title, status: action.status, outcome: action.outcome, startDate: action.startDate, endDate: action.endDate };
      if (args.status != null && args.status !== action.status) {
        assertTransition(ACTION, 'The action', action.status, args.status, 'status');
        action.status = args.status;
      }
      if (title !== undefined) action.title = title;
      if (outcome !== undefined) action.outcome = outcome;
      if (startDate !== undefined) action.startDate = startDate;
      if (endDate !== undefined) action.endDate = endDate;
      const changed = (Object.keys(before) as (keyof typeof before)[]).some((key) => before[key] !== action[key]);
      if (changed) for (const childId of new Set(pathways.map((p) => p.child.id))) scope.logWrite(pathwayWrite(AccessAction.UPDATE, 'Action', childId));
      return action;
    }, [{ type: 'Action', id: args.id, field: 'id' }]));
  }

  @Mutation(() => ReviewType, { description: "The pathway's referent records a review (bilan): when, the progress observed, the next steps." })
  addReview(@Args() args: AddReviewArgs, @Ctx() ctx: Context): Promise<Review> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_PATHWAY_CONTENT, async (scope) => {
      const { em, viewer } = scope;
      const heldOn = checkReviewDate(ctx, args.heldOn);
      const progress = checkText('progress', args.progress, MAX_REVIEW);
      const nextSteps = checkOptionalText('nextSteps', args.nextSteps, MAX_REVIEW);
      const pathway = await pathwayOfReferent(scope, ctx, idOfType(args.pathwayId, 'Pathway', 'pathwayId'), () => new NotFound('Pathway', args.pathwayId));
      assertNotClosed(pathway, 'pathwayId');
      assertAfterStart(pathway, heldOn);
      const review = em.create(Review, { programme: viewer.programmeId, pathway, heldOn, progress, nextSteps, author: viewer.accountId });
      scope.logWrite(pathwayWrite(AccessAction.CREATE, 'Review', pathway.child.id));
      return review;
    }));
  }

  @Mutation(() => ReviewType, { description: "The pathway's referent edits a review of a pathway that is not closed: the fields given change, the others stay." })
  updateReview(@Args() args: UpdateReviewArgs, @Ctx() ctx: Context): Promise<Review> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_PATHWAY_CONTENT, async (scope) => {
      const heldOn = args.heldOn == null ? undefined : checkReviewDate(ctx, args.heldOn);
      const progress = args.progress == null ? undefined : checkText('progress', args.progress, MAX_REVIEW);
      const nextSteps = args.nextSteps === undefined ? undefined : checkOptionalText('nextSteps', args.nextSteps, MAX_REVIEW);
      const review = await scope.em.findOne(Review, { id: idOfType(args.id, 'Review', 'id'), programme: scope.viewer.programmeId });
      const notFound = () => new NotFound('Review', args.id);
      if (!review) throw notFound();
      const pathway = await pathwayOfReferent(scope, ctx, review.pathway.id, notFound);
      checkVersion('Review', review, args.version);
      assertNotClosed(pathway, 'id');
      if (heldOn !== undefined) {
        assertAfterStart(pathway, heldOn);
        review.heldOn = heldOn;
      }
      if (progress !== undefined) review.progress = progress;
      if (args.nextSteps !== undefined) review.nextSteps = nextSteps;
      scope.logWrite(pathwayWrite(AccessAction.UPDATE, 'Review', pathway.child.id));
      return review;
    }));
  }
}

/** A review is held within the last two years, not in the future. */
function checkReviewDate(ctx: Context, heldOn: string): string {
  const today = parisDate(ctx.now);
  return checkDate('heldOn', heldOn, { min: yearsAfter(today, -ACTION_YEARS), max: today });
}

function assertAfterStart(pathway: Pathway, heldOn: string): void {
  if (pathway.startDate && heldOn < pathway.startDate) {
    throw new BadUserInput('heldOn', `must not be before the start of the pathway (${pathway.startDate})`);
  }
}

/**
 * suspend / resume / close: the coordinator moves a pathway of a child in its rows
 * (NOT_FOUND otherwise), at the version it read (CONFLICT), through the PATHWAY table.
 */
function movePathway<T>(
  ctx: Context,
  args: PathwayEditArgs,
  to: PathwayStatus,
  check?: () => T,
  apply?: (pathway: Pathway, checked: T) => void | Promise<void>,
): Promise<Pathway> {
  return answered(mutateInRows(ctx, WriteAction.RUN_PATHWAY, async (scope) => {
    const checked = check?.() as T;
    const pathway = await scope.em.findOne(Pathway, { id: idOfType(args.id, 'Pathway', 'id'), programme: scope.viewer.programmeId });
    if (!pathway || !(await ctx.access.canSee(pathway.child.id))) throw new NotFound('Pathway', args.id);
    checkVersion('Pathway', pathway, args.version);
    assertTransition(PATHWAY, 'The pathway', pathway.status, to, 'id');
    pathway.status = to;
    await apply?.(pathway, checked);
    scope.logWrite(pathwayWrite(AccessAction.UPDATE, 'Pathway', pathway.child.id));
    return pathway;
  }));
}

/** A pathway suspended at `at`, for `reason` (the coordinator's, or its consent's withdrawal). */
export function suspend(pathway: Pathway, at: Date, reason: string): void {
  pathway.status = PathwayStatus.SUSPENDED;
  pathway.suspendedAt = at;
  pathway.suspensionReason = reason;
}

/**
 * The pathway whose content the viewer edits. Row rule first: absent, or its child outside
 * the viewer's rows, is `notFound()`; then the policy line "edit objectives, actions and
 * reviews of its pathways": another referent's pathway is FORBIDDEN. The row is read FOR
 * SHARE, so that a concurrent closing waits for the edit (and the edit sees a closing
 * that committed first).
 */
async function pathwayOfReferent(scope: MutationScope, ctx: Context, id: string, notFound: () => NotFound): Promise<Pathway> {
  const pathway = await scope.em.findOne(
    Pathway,
    { id, programme: scope.viewer.programmeId },
    { lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
  );
  if (!pathway || !(await ctx.access.canSee(pathway.child.id))) throw notFound();
  if (pathway.referent.id !== scope.viewer.accountId) throw new Forbidden('Not allowed: only the referent of this pathway may edit its content');
  return pathway;
}

/** The pathways of an action, each checked like pathwayOfReferent (NOT_FOUND when none is visible). */
async function actionPathwaysOfReferent(scope: MutationScope, ctx: Context, action: Action, shownId: string): Promise<Pathway[]> {
  const notFound = () => new NotFound('Action', shownId);
  const links = await scope.em.find(ActionPathway, { action: action.id });
  const visible: string[] = [];
  for (const link of links) {
    const pathway = await scope.em.findOne(Pathway, { id: link.pathway.id, programme: scope.viewer.programmeId });
    if (pathway && (await ctx.access.canSee(pathway.child.id))) visible.push(pathway.id);
  }
  if (visible.length === 0) throw notFound();
  // Every pathway of the action must be the viewer's: a collective action is edited by the referent of all its pathways.
  if (visible.length < links.length) throw new Forbidden('Not allowed: only the referent of every pathway of this action may edit it');
  const pathways: Pathway[] = [];
  for (const id of visible) pathways.push(await pathwayOfReferent(scope, ctx, id, notFound));
  return pathways;
}

function assertNotClosed(pathway: Pathway, field: string): void {
  if (pathway.status === PathwayStatus.CLOSED) {
    throw new BadUserInput(field, 'the pathway is closed: its content can no longer change', {
      reason: 'PATHWAY_CLOSED',
      currentState: PathwayStatus.CLOSED,
    });
  }
}

/**
 * "Parents' prior agreement is required for a pathway" (domain.md): the consent must be
 * this child's, for purpose PATHWAY, given (by a guardian of the child's family holding
 * parental authority), not withdrawn and not expired. Else BAD_USER_INPUT on
 * input.consentId, reason CONSENT_REQUIRED. Read FOR SHARE: a withdrawal waits for the
 * opening, which then rests on a consent that was valid when it committed.
 */
async function pathwayConsent(scope: MutationScope, ctx: Context, globalId: string, child: Child): Promise<Consent> {
  const field = 'input.consentId';
  const refuse = (why: string) => new BadUserInput(field, why, { reason: 'CONSENT_REQUIRED' });
  const id = filterIdOfType(globalId, 'Consent', field);
  const consent = await scope.em.findOne(
    Consent,
    { id, programme: scope.viewer.programmeId },
    { lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
  );
  if (!consent || consent.child.id !== child.id) throw refuse('must be a consent given for this child');
  if (consent.purpose !== ConsentPurpose.PATHWAY) throw refuse('must be a consent for purpose PATHWAY');
  const lapse = consentLapse(consent, ctx.now);
  if (lapse) throw refuse(lapse);
  const guardian = await consent.givenBy.load();
  if (!guardian || !guardian.parentalAuthority || guardian.family.id !== child.family.id) {
    throw refuse('must be given by a guardian of the child holding parental authority');
  }
  return consent;
}
