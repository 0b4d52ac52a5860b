import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Accommodation, Account, AdaptedActivity, Child, Consent, Family, FamilyMeeting, InclusionFollowUp, Workshop } from '../entities';
import { AccessAction, DataCategory, InclusionStatus } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { BadUserInput, NotFound } from '../errors';
import { WriteAction } from '../permissions/policy';
import { consentLapse } from '../permissions/access';
import { AccommodationType, AdaptedActivityType } from '../schema/inclusion.type';
import { InclusionFollowUpType } from '../schema/inclusion-follow-up.type';
import { FamilyMeetingType } from '../schema/family-meeting.type';
import { WorkshopType } from '../schema/workshop.type';
import {
  AddAdaptedActivityInput,
  RecordFamilyMeetingInput,
  RecordNeedsAssessmentInput,
  ScheduleWorkshopInput,
  UpdateAccommodationInput,
  UpdateAdaptedActivityInput,
} from '../schema/inclusion.inputs';
import { idOfType } from '../schema/global-id';
import { checkVersion, mutate } from '../workflows/mutation';
import { assertTransition, INCLUSION } from '../workflows/state-machines';
import { checkDate, checkList, checkOptionalText, checkText } from '../workflows/validation';
import {
  EARLIEST_DATE,
  mutateInRows,
  partnerOf,
  partnersOf,
  TEXT_MAX,
  today,
  answered,
  yearsAfter,
} from '../workflows/lookups';
import { visibleChild, type ChildRecord } from './rows';
import { idOf, type RecordOf, type ValueOf } from '../read/records';

/**
 * The inclusion referent's work (domain.md, "InclusionFollowUp", "FamilyMeeting",
 * "Workshop"): open a follow-up, assess needs, put accommodations and adapted activities
 * in place, meet families, run awareness workshops. Follow-ups and family meetings are
 * INCLUSION data; workshops hold no child data.
 */

const INCLUSION_DATA = [DataCategory.INCLUSION];
const MAX_WORKSHOP_PARTNERS = 200;
const MAX_PROFESSIONALS = 10000;

@Resolver()
export class InclusionMutations {
  @Mutation(() => InclusionFollowUpType, {
    description:
      "Opens the inclusion follow-up (projet d'accueil) of a child of the programme (INCLUSION_REFERENT), status OPEN, with the viewer as referent, " +
      "on the family's consent: the child's newest INCLUSION_FOLLOW_UP consent in force whose scope names the viewer's structure (given on the portal, " +
      'or recorded by an agent). NOT_FOUND when the child does not exist or has no such consent (the two are indistinguishable). A child has at most one.',
  })
  openInclusionFollowUp(
    @Arg('childId', () => ID, { description: 'ID of the child.' }) childId: string,
    @Ctx() ctx: Context,
  ): Promise<InclusionFollowUp> {
    // Not mutateInRows: the follow-up puts the child in the referent's rows
    // (access-policy.md, INCLUSION_REFERENT rows), and the response must see that.
    return answered(mutate(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const consent = await followUpConsent(ctx, em, childId);
      const child = await em.findOneOrFail(Child, { id: consent.child.id, programme: viewer.programmeId });
      const existing = await em.findOne(InclusionFollowUp, { child: child.id, programme: viewer.programmeId });
      if (existing) {
        throw new BadUserInput('childId', 'the child already has an inclusion follow-up', { reason: 'ALREADY_OPEN', currentState: existing.status });
      }
      const followUp = em.create(InclusionFollowUp, {
        programme: viewer.programmeId,
        child,
        referent: viewer.accountId,
        consent,
        status: InclusionStatus.OPEN,
      });
      logWrite({ action: AccessAction.CREATE, entity: 'InclusionFollowUp', childId: child.id, categories: INCLUSION_DATA });
      return followUp;
    }));
  }

  @Mutation(() => InclusionFollowUpType, {
    description:
      'Records the needs assessment of a follow-up (INCLUSION_REFERENT): an OPEN follow-up becomes ASSESSED; an assessed one is re-assessed. ' +
      'Read the result in `Child.inclusion`.',
  })
  recordNeedsAssessment(
    @Arg('input', () => RecordNeedsAssessmentInput, { description: 'The assessment.' }) input: RecordNeedsAssessmentInput,
    @Ctx() ctx: Context,
  ): Promise<InclusionFollowUp> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const followUp = await followUpInRows(ctx, em, input.followUpId, 'input.followUpId');
      checkVersion('The inclusion follow-up', followUp, input.version);
      const assessedOn = checkDate('input.assessedOn', input.assessedOn, { min: EARLIEST_DATE, max: today(ctx) });
      const findings = checkText('input.findings', input.findings, TEXT_MAX.note);
      const optional = {
        familyExpectations: checkOptionalText('input.familyExpectations', input.familyExpectations, TEXT_MAX.note),
        needsInventory: checkOptionalText('input.needsInventory', input.needsInventory, TEXT_MAX.note),
        existingMeans: checkOptionalText('input.existingMeans', input.existingMeans, TEXT_MAX.note),
        paiArrangements: checkOptionalText('input.paiArrangements', input.paiArrangements, TEXT_MAX.note),
        emergencyProtocol: checkOptionalText('input.emergencyProtocol', input.emergencyProtocol, TEXT_MAX.note),
      };
      // A re-assessment keeps the status; a first one moves OPEN → ASSESSED; a closed follow-up refuses.
      if (followUp.status !== InclusionStatus.ASSESSED && followUp.status !== InclusionStatus.ACTIVE) {
        assertTransition(INCLUSION, 'The inclusion follow-up', followUp.status, InclusionStatus.ASSESSED);
        followUp.status = InclusionStatus.ASSESSED;
      }
      followUp.assessedOn = assessedOn;
      followUp.findings = findings;
      followUp.assessedBy = em.getReference(Account, viewer.accountId, { wrapped: true });
      for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
        if (value !== undefined) followUp[key] = value;
      }
      logWrite({ action: AccessAction.UPDATE, entity: 'InclusionFollowUp', childId: followUp.child.id, categories: INCLUSION_DATA });
      return followUp;
    }));
  }

  @Mutation(() => AccommodationType, {
    description:
      'Adds an accommodation a structure puts in place for the child (INCLUSION_REFERENT), once its needs are assessed; ' +
      'the first one puts the reception project in place (ASSESSED → ACTIVE).',
  })
  addAccommodation(
    @Arg('followUpId', () => ID, { description: 'ID of the inclusion follow-up.' }) followUpId: string,
    @Arg('partnerId', () => ID, { description: 'ID of the structure that puts it in place.' }) partnerId: string,
    @Arg('description', () => String, { description: 'What is put in place.' }) description: string,
    @Ctx() ctx: Context,
  ): Promise<Accommodation> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const followUp = await followUpInRows(ctx, em, followUpId, 'followUpId');
      const partner = await partnerOf(viewer, em, partnerId, 'partnerId');
      const text = checkText('description', description, TEXT_MAX.reason);
      startProject(followUp, 'followUpId');
      const accommodation = em.create(Accommodation, { programme: viewer.programmeId, followUp, partner, description: text });
      logWrite({ action: AccessAction.CREATE, entity: 'Accommodation', childId: followUp.child.id, categories: INCLUSION_DATA });
      return accommodation;
    }));
  }

  @Mutation(() => AdaptedActivityType, {
    description:
      "Adds an activity adapted to the child's needs (INCLUSION_REFERENT), once its needs are assessed; " +
      'the first one puts the reception project in place (ASSESSED → ACTIVE).',
  })
  addAdaptedActivity(
    @Arg('input', () => AddAdaptedActivityInput, { description: 'The activity.' }) input: AddAdaptedActivityInput,
    @Ctx() ctx: Context,
  ): Promise<AdaptedActivity> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const followUp = await followUpInRows(ctx, em, input.followUpId, 'input.followUpId');
      const title = checkText('input.title', input.title, TEXT_MAX.title);
      const description = checkOptionalText('input.description', input.description, TEXT_MAX.note);
      const partner = input.partnerId == null ? undefined : await partnerOf(viewer, em, input.partnerId, 'input.partnerId');
      startProject(followUp, 'input.followUpId');
      const activity = em.create(AdaptedActivity, {
        programme: viewer.programmeId,
        followUp,
        title,
        description,
        partner,
        childTime: input.childTime,
      });
      logWrite({ action: AccessAction.CREATE, entity: 'AdaptedActivity', childId: followUp.child.id, categories: INCLUSION_DATA });
      return activity;
    }));
  }

  @Mutation(() => InclusionFollowUpType, {
    description:
      'Closes an inclusion follow-up with its outcome (INCLUSION_REFERENT; any status but CLOSED → CLOSED, closedOn today). ' +
      'Its accommodations and adapted activities stay as they were, to be read, and can no longer change.',
  })
  closeInclusionFollowUp(
    @Arg('followUpId', () => ID, { description: 'ID of the inclusion follow-up.' }) followUpId: string,
    @Arg('version', () => Int, { description: 'Version of the follow-up the client read.' }) version: number,
    @Arg('outcome', () => String, { description: 'What the follow-up came to (1 to 5000 characters).' }) outcome: string,
    @Ctx() ctx: Context,
  ): Promise<InclusionFollowUp> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, logWrite }) => {
      const followUp = await followUpInRows(ctx, em, followUpId, 'followUpId');
      checkVersion('The inclusion follow-up', followUp, version);
      const text = checkText('outcome', outcome, TEXT_MAX.note);
      assertTransition(INCLUSION, 'The inclusion follow-up', followUp.status, InclusionStatus.CLOSED, 'followUpId');
      followUp.status = InclusionStatus.CLOSED;
      followUp.closedOn = today(ctx);
      followUp.outcome = text;
      logWrite({ action: AccessAction.UPDATE, entity: 'InclusionFollowUp', childId: followUp.child.id, categories: INCLUSION_DATA });
      return followUp;
    }));
  }

  @Mutation(() => AccommodationType, { description: 'Edits an accommodation (INCLUSION_REFERENT) of a follow-up that is not closed: its structure, its description.' })
  updateAccommodation(
    @Arg('input', () => UpdateAccommodationInput, { description: 'The edit.' }) input: UpdateAccommodationInput,
    @Ctx() ctx: Context,
  ): Promise<Accommodation> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const accommodation = await partOfOpenFollowUp(ctx, em, Accommodation, input.id, input.version);
      const description = input.description == null ? undefined : checkText('input.description', input.description, TEXT_MAX.reason);
      if (input.partnerId != null) accommodation.partner = ref(await partnerOf(viewer, em, input.partnerId, 'input.partnerId'));
      if (description !== undefined) accommodation.description = description;
      logWrite({ action: AccessAction.UPDATE, entity: 'Accommodation', childId: accommodation.followUp.getEntity().child.id, categories: INCLUSION_DATA });
      return accommodation;
    }));
  }

  @Mutation(() => InclusionFollowUpType, { description: 'Removes an accommodation (INCLUSION_REFERENT) of a follow-up that is not closed; answers the follow-up.' })
  removeAccommodation(
    @Arg('id', () => ID, { description: 'ID of the accommodation.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the accommodation the client read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<InclusionFollowUp> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, logWrite }) => {
      const accommodation = await partOfOpenFollowUp(ctx, em, Accommodation, id, version);
      const followUp = accommodation.followUp.getEntity();
      em.remove(accommodation);
      logWrite({ action: AccessAction.DELETE, entity: 'Accommodation', childId: followUp.child.id, categories: INCLUSION_DATA });
      return followUp;
    }));
  }

  @Mutation(() => AdaptedActivityType, { description: 'Edits an adapted activity (INCLUSION_REFERENT) of a follow-up that is not closed.' })
  updateAdaptedActivity(
    @Arg('input', () => UpdateAdaptedActivityInput, { description: 'The edit.' }) input: UpdateAdaptedActivityInput,
    @Ctx() ctx: Context,
  ): Promise<AdaptedActivity> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const activity = await partOfOpenFollowUp(ctx, em, AdaptedActivity, input.id, input.version);
      const title = input.title == null ? undefined : checkText('input.title', input.title, TEXT_MAX.title);
      const description = input.description === undefined ? undefined : (checkOptionalText('input.description', input.description, TEXT_MAX.note) ?? null);
      if (input.partnerId === null) activity.partner = undefined;
      else if (input.partnerId !== undefined) activity.partner = ref(await partnerOf(viewer, em, input.partnerId, 'input.partnerId'));
      if (title !== undefined) activity.title = title;
      if (description !== undefined) activity.description = description ?? undefined;
      if (input.childTime != null) activity.childTime = input.childTime;
      logWrite({ action: AccessAction.UPDATE, entity: 'AdaptedActivity', childId: activity.followUp.getEntity().child.id, categories: INCLUSION_DATA });
      return activity;
    }));
  }

  @Mutation(() => InclusionFollowUpType, { description: 'Removes an adapted activity (INCLUSION_REFERENT) of a follow-up that is not closed; answers the follow-up.' })
  removeAdaptedActivity(
    @Arg('id', () => ID, { description: 'ID of the adapted activity.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the activity the client read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<InclusionFollowUp> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, logWrite }) => {
      const activity = await partOfOpenFollowUp(ctx, em, AdaptedActivity, id, version);
      const followUp = activity.followUp.getEntity();
      em.remove(activity);
      logWrite({ action: AccessAction.DELETE, entity: 'AdaptedActivity', childId: followUp.child.id, categories: INCLUSION_DATA });
      return followUp;
    }));
  }

  @Mutation(() => FamilyMeetingType, {
    description: "Records a meeting with a family of the viewer's rows (INCLUSION_REFERENT), about one of its children or the household.",
  })
  recordFamilyMeeting(
    @Arg('input', () => RecordFamilyMeetingInput, { description: 'The meeting.' }) input: RecordFamilyMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<FamilyMeeting> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const family = await em.findOne(Family, { id: idOfType(input.familyId, 'Family', 'input.familyId'), programme: viewer.programmeId });
      const children = family ? await em.find(Child, { family: family.id, programme: viewer.programmeId }, { orderBy: { id: 'asc' } }) : [];
      const visible: Child[] = [];
      for (const c of children) if (await ctx.access.canSee(c.id)) visible.push(c);
      if (!family || visible.length === 0) throw new NotFound('Family', input.familyId);

      let child: Child | undefined;
      if (input.childId != null) {
        const id = idOfType(input.childId, 'Child', 'input.childId');
        child = children.find((c) => c.id === id);
        if (!child) {
          // A child of another household is no business of this meeting; one outside the rows is not found.
          if (!(await ctx.access.canSee(id)) || !(await em.count(Child, { id, programme: viewer.programmeId }))) {
            throw new NotFound('Child', input.childId);
          }
          throw new BadUserInput('input.childId', 'must be a child of that family');
        }
        if (!visible.includes(child)) throw new NotFound('Child', input.childId);
      }
      const meeting = em.create(FamilyMeeting, {
        programme: viewer.programmeId,
        family,
        child,
        heldBy: viewer.accountId,
        heldOn: checkDate('input.heldOn', input.heldOn, { min: EARLIEST_DATE, max: today(ctx) }),
        attendees: checkOptionalText('input.attendees', input.attendees, TEXT_MAX.reason),
        expectations: checkOptionalText('input.expectations', input.expectations, TEXT_MAX.note),
        needs: checkOptionalText('input.needs', input.needs, TEXT_MAX.note),
        existingMeans: checkOptionalText('input.existingMeans', input.existingMeans, TEXT_MAX.note),
        nextSteps: checkOptionalText('input.nextSteps', input.nextSteps, TEXT_MAX.note),
      });
      // The meeting is about the child named, else about every child of the household.
      for (const c of child ? [child] : children) {
        logWrite({ action: AccessAction.CREATE, entity: 'FamilyMeeting', childId: c.id, categories: INCLUSION_DATA });
      }
      return meeting;
    }, [{ type: 'Family', id: input.familyId, field: 'input.familyId' }]));
  }

  @Mutation(() => WorkshopType, { description: 'Schedules an awareness workshop for professionals (INCLUSION_REFERENT), the viewer facilitating it.' })
  scheduleWorkshop(
    @Arg('input', () => ScheduleWorkshopInput, { description: 'The workshop.' }) input: ScheduleWorkshopInput,
    @Ctx() ctx: Context,
  ): Promise<Workshop> {
    return answered(mutate(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const heldOn = checkDate('input.heldOn', input.heldOn, { min: EARLIEST_DATE, max: yearsAfter(today(ctx), 2) });
      const topic = checkText('input.topic', input.topic, TEXT_MAX.title);
      checkList('input.attendingPartnerIds', input.attendingPartnerIds, { min: 0, max: MAX_WORKSHOP_PARTNERS });
      const partners = await partnersOf(viewer, em, input.attendingPartnerIds, (i) => `input.attendingPartnerIds[${i}]`);
      const workshop = em.create(Workshop, { programme: viewer.programmeId, heldOn, topic, facilitator: viewer.accountId });
      workshop.attendingPartners.set(partners);
      logWrite({ action: AccessAction.CREATE, entity: 'Workshop', categories: [] });
      return workshop;
    }));
  }

  @Mutation(() => WorkshopType, {
    description: 'Records who attended a workshop once held (INCLUSION_REFERENT): the attending partners (replacing the list) and the number of professionals.',
  })
  recordWorkshopAttendance(
    @Arg('workshopId', () => ID, { description: 'ID of the workshop.' }) workshopId: string,
    @Arg('version', () => Int, { description: 'Version of the workshop the client read.' }) version: number,
    @Arg('attendingPartnerIds', () => [ID], { description: 'IDs of the partners whose professionals attended.' }) attendingPartnerIds: string[],
    @Arg('professionalsCount', () => Int, { description: 'Number of professionals who attended (at least one per attending partner).' })
    professionalsCount: number,
    @Ctx() ctx: Context,
  ): Promise<Workshop> {
    return answered(mutate(ctx, WriteAction.MANAGE_INCLUSION, async ({ em, viewer, logWrite }) => {
      const workshop = await em.findOne(Workshop, { id: idOfType(workshopId, 'Workshop', 'workshopId'), programme: viewer.programmeId });
      if (!workshop) throw new NotFound('Workshop', workshopId);
      checkVersion('The workshop', workshop, version);
      if (workshop.heldOn > today(ctx)) {
        throw new BadUserInput('workshopId', `the workshop is on ${workshop.heldOn}: attendance is recorded once it is held`, { reason: 'NOT_HELD_YET' });
      }
      checkList('attendingPartnerIds', attendingPartnerIds, { min: 0, max: MAX_WORKSHOP_PARTNERS });
      const partners = await partnersOf(viewer, em, attendingPartnerIds, (i) => `attendingPartnerIds[${i}]`);
      if (!Number.isInteger(professionalsCount) || professionalsCount < partners.length || professionalsCount > MAX_PROFESSIONALS) {
        throw new BadUserInput('professionalsCount', `must be between the number of attending partners (${partners.length}) and ${MAX_PROFESSIONALS}`);
      }
      await workshop.attendingPartners.init();
      workshop.attendingPartners.set(partners);
      workshop.professionalsCount = professionalsCount;
      // The partner list lives in the pivot table: touch the row so that its version moves.
      workshop.updatedAt = ctx.now;
      logWrite({ action: AccessAction.UPDATE, entity: 'Workshop', categories: [] });
      return workshop;
    }));
  }
}

@Resolver(() => InclusionFollowUpType)
export class InclusionFollowUpResolver {
  @FieldResolver()
  child(@Root() followUp: InclusionFollowUp | RecordOf<InclusionFollowUp>, @Ctx() ctx: Context): Promise<ChildRecord | null> {
    return visibleChild(ctx, idOf(followUp, 'child'));
  }

  @FieldResolver()
  async referent(@Root() followUp: InclusionFollowUp | RecordOf<InclusionFollowUp>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    const id = idOf(followUp, 'referent');
    return id ? ctx.loaders.accountById.load(id) : null;
  }
}

@Resolver(() => FamilyMeetingType)
export class FamilyMeetingResolver {
  @FieldResolver()
  async family(@Root() meeting: ValueOf<FamilyMeeting>, @Ctx() ctx: Context): Promise<RecordOf<Family> | null> {
    const familyId = idOf(meeting, 'family');
    if (!familyId) return null;
    const children = await ctx.loaders.childrenByFamily.load(familyId);
    for (const c of children) if (await ctx.access.canSee(c.id)) return ctx.loaders.familyById.load(familyId);
    return null;
  }

  @FieldResolver()
  child(@Root() meeting: ValueOf<FamilyMeeting>, @Ctx() ctx: Context): Promise<ChildRecord | null> {
    return visibleChild(ctx, idOf(meeting, 'child'));
  }

  @FieldResolver()
  async heldBy(@Root() meeting: ValueOf<FamilyMeeting>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    const id = idOf(meeting, 'heldBy');
    return id ? ctx.loaders.accountById.load(id) : null;
  }
}

/**
 * Policy, INCLUSION_REFERENT rows: a follow-up is opened "with the family's
 * INCLUSION_FOLLOW_UP consent". The child's newest such consent in force whose scope names
 * the viewer's structure, read FOR SHARE (a withdrawal waits for the opening). The child is
 * not in the viewer's rows yet: an absent child and a child without that consent are the
 * same NOT_FOUND, after the same statements (access-policy.md, "What a request may reveal").
 */
async function followUpConsent(ctx: Context, em: EntityManager, childGlobalId: string): Promise<Consent> {
  const viewer = viewerOf(ctx);
  const childId = idOfType(childGlobalId, 'Child', 'childId');
  const rows: { id: string; given_at: Date; withdrawn_at: Date | null; expires_on: string | null }[] = await em.execute(
    `select c.id, c.given_at, c.withdrawn_at, c.expires_on::text as expires_on from consent c
      where c.child_id = ? and c.programme_id = ? and c.purpose = 'INCLUSION_FOLLOW_UP'
        and exists (select 1 from consent_scope cs where cs.consent_id = c.id and cs.partner_id = ?)
      order by c.given_at desc, c.id
      for share`,
    [childId, viewer.programmeId, viewer.partnerId ?? null],
  );
  const inForce = rows.find((row) => consentLapse({ givenAt: new Date(row.given_at), withdrawnAt: row.withdrawn_at, expiresOn: row.expires_on }, ctx.now) === undefined);
  if (!inForce) throw new NotFound('Child', childGlobalId);
  return em.findOneOrFail(Consent, { id: inForce.id, programme: viewer.programmeId });
}

/** The follow-up, when its child is in the viewer's rows; NOT_FOUND otherwise. */
async function followUpInRows(ctx: Context, em: EntityManager, globalId: string, field: string): Promise<InclusionFollowUp> {
  const followUp = await em.findOne(InclusionFollowUp, {
    id: idOfType(globalId, 'InclusionFollowUp', field),
    programme: viewerOf(ctx).programmeId,
  });
  if (!followUp || !(await ctx.access.canSee(followUp.child.id))) throw new NotFound('InclusionFollowUp', globalId);
  return followUp;
}

/**
 * An accommodation or adapted activity (`entity`, named by `globalId` in `id`), when the
 * child of its follow-up is in the viewer's rows (NOT_FOUND otherwise), at the version read
 * (CONFLICT), its follow-up loaded and not closed (FOLLOW_UP_CLOSED: a closed project is
 * kept as it was).
 */
async function partOfOpenFollowUp<E extends Accommodation | AdaptedActivity>(
  ctx: Context,
  em: EntityManager,
  entity: new () => E,
  globalId: string,
  version: number,
): Promise<E> {
  const typeName = entity === (Accommodation as unknown) ? 'Accommodation' : 'AdaptedActivity';
  const part = (await em.findOne(entity as typeof Accommodation, { id: idOfType(globalId, typeName, 'id'), programme: viewerOf(ctx).programmeId }, { populate: ['followUp'] })) as E | null;
  if (!part || !(await ctx.access.canSee(part.followUp.getEntity().child.id))) throw new NotFound(typeName, globalId);
  checkVersion(`The ${typeName}`, part, version);
  const followUp = part.followUp.getEntity();
  if (followUp.status === InclusionStatus.CLOSED) {
    throw new BadUserInput('id', 'the inclusion follow-up is closed', { reason: 'FOLLOW_UP_CLOSED', currentState: followUp.status });
  }
  return part;
}

/**
 * Accommodations and adapted activities come after the needs assessment (domain.md:
 * "adapted activities after a needs assessment"); the first one puts the reception
 * project in place (ASSESSED → ACTIVE). A closed follow-up takes nothing more.
 */
function startProject(followUp: InclusionFollowUp, field: string): void {
  if (followUp.status === InclusionStatus.OPEN) {
    throw new BadUserInput(field, 'the needs of the child must be assessed first (recordNeedsAssessment)', {
      reason: 'NEEDS_NOT_ASSESSED',
      currentState: followUp.status,
    });
  }
  if (followUp.status === InclusionStatus.CLOSED) {
    throw new BadUserInput(field, 'the inclusion follow-up is closed', { reason: 'FOLLOW_UP_CLOSED', currentState: followUp.status });
  }
  if (followUp.status === InclusionStatus.ASSESSED) {
    assertTransition(INCLUSION, 'The inclusion follow-up', followUp.status, InclusionStatus.ACTIVE, field);
    followUp.status = InclusionStatus.ACTIVE;
  }
}
