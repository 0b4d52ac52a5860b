import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Child, Family, Guardian, Partner, Referral, TeamMeeting } from '../entities';
import { AccessAction, DataCategory, PartnerKind, ReferralStatus, Role } from '../entities/enums';
import { viewerOf, type Context, type Viewer } from '../context';
import { BadUserInput, Forbidden, NotFound } from '../errors';
import { WRITE_POLICY, WriteAction } from '../permissions/policy';
import { checkVersion, type MutationScope } from '../workflows/mutation';
import { childInRows, mutateInRows, partnersOf, answered, yearsAfter } from '../workflows/lookups';
import { assertTransition, REFERRAL } from '../workflows/state-machines';
import { checkDate, checkEmail, checkList, checkOptionalText, checkPhone, checkPostalCode, checkQpvCode, checkText } from '../workflows/validation';
import { filterIdOfType, idOfType, toGlobalId } from '../schema/global-id';
import {
  DecideReferralInput,
  RecordTeamMeetingInput,
  ReferralDecision,
  ReferralEditArgs,
  SubmitReferralInput,
  WithdrawReferralArgs,
  type ReferralNewChildInput,
} from '../schema/referral.inputs';
import { ReferralType, SubmittedReferralType } from '../schema/referral.type';
import { EligibilityWarning, ReferralSubmissionPayload, TeamMeetingPayload } from '../schema/mutation-payloads.type';
import { parisDate } from '../util/dates';
import { eligibilityFrom, type Eligibility } from './eligibility';
import { FOLD_PARAMS, fold, foldSql } from './search';

/**
 * The referral workflow (issue 4, "The PRE pathway"): a partner agent or the PRE team
 * refers a child, the coordinator reviews it at a team meeting and decides. Every
 * mutation is one transaction through mutate(): permission (policy table "Writes"),
 * validation (BAD_USER_INPUT naming the field), version check (CONFLICT), state machine
 * (INVALID_TRANSITION) and the access log of what was written.
 */

const { IDENTITY, CONTACT, PATHWAY } = DataCategory;

const MAX_DESCRIPTION = 5000;
const MAX_REASON = 2000;
const MAX_DECISIONS = 10000;
const MAX_GUARDIANS = 4;
/** Children are referred from 2 to 16 (domain.md); the birth date range only rejects typos, eligibility warns. */
const MAX_AGE_YEARS = 25;

/** The runtime value of ReferralEligibility. */
export interface ReferralEligibility extends Eligibility {
  warnings: EligibilityWarning[];
}

/** The runtime value of ReferralSubmissionPayload. */
export interface ReferralSubmission {
  duplicateSuspected: boolean;
  referral: Referral | null;
  eligibility: ReferralEligibility | null;
}

/** The runtime value of TeamMeetingPayload. */
export interface TeamMeetingRecord {
  teamMeeting: TeamMeeting;
  referrals: Referral[];
}

@Resolver()
export class ReferralMutations {
  @Mutation(() => ReferralSubmissionPayload, {
    description:
      'Refers a child to the programme (partner agents, for a child linked to their structure or a new one; the PRE team). ' +
      'A new child is created with its family after a duplicate check: a match among the children the submitter may see answers duplicateSuspected (nothing created); ' +
      'a match outside them is not told: the referral is created and marked for the coordinator (Referral.suspectedDuplicateOf). ' +
      'Eligibility outside the priority public warns, never forbids.',
  })
  async submitReferral(
    @Arg('input', () => SubmitReferralInput, { description: 'The child (known or new), the domains of concern and the description.' })
    input: SubmitReferralInput,
    @Ctx() ctx: Context,
  ): Promise<ReferralSubmission> {
    const submission = await mutateInRows(ctx, WriteAction.SUBMIT_REFERRAL, async (scope): Promise<ReferralSubmission> => {
      const { em, viewer } = scope;
      // Referral.referringPartner: a referral is always made on behalf of a structure.
      if (!viewer.partnerId) throw new Forbidden('Not allowed: a referral is made on behalf of a partner structure, and this account has none');
      const today = parisDate(ctx.now);
      const domains = checkList('input.domains', input.domains);
      const description = checkText('input.description', input.description, MAX_DESCRIPTION);
      if ((input.childId == null) === (input.newChild == null)) {
        throw new BadUserInput('input.childId', 'give either childId (a known child) or newChild (a new one), not both');
      }

      let child: Child;
      let suspectedDuplicateOf: string | undefined;
      if (input.childId != null) {
        child = await childInRows(ctx, em, input.childId, 'input.childId');
        const open = await em.findOne(Referral, { child: child.id, status: { $in: OPEN_REFERRAL }, programme: viewer.programmeId });
        if (open) throw await referralAlreadyOpen(ctx, open);
      } else {
        const fields = await checkNewChild(em, viewer.programmeId, input.newChild!, today);
        // Policy, "What a request may reveal": the submitter is told of a duplicate only
        // when it may see that child; any other match is shown to the coordinator alone.
        const lookalikes = await lookalikeChildren(em, viewer.programmeId, fields);
        for (const id of lookalikes) {
          if (await ctx.access.canSee(id)) return { duplicateSuspected: true, referral: null, eligibility: null };
        }
        suspectedDuplicateOf = lookalikes[0];
        child = createChild(em, viewer.programmeId, fields);
        scope.logWrite({ action: AccessAction.CREATE, entity: 'Child', childId: child.id, categories: [IDENTITY, CONTACT] });
      }

      const referral = em.create(Referral, {
        programme: viewer.programmeId,
        child,
        referringPartner: viewer.partnerId,
        referringAccount: viewer.accountId,
        referredOn: today,
        domains,
        description,
        status: ReferralStatus.SUBMITTED,
        suspectedDuplicateOf,
      });
      scope.logWrite({ action: AccessAction.CREATE, entity: 'Referral', childId: child.id, categories: [PATHWAY] });
      return { duplicateSuspected: false, referral, eligibility: await eligibilityWithWarnings(ctx, child) };
    }).catch(async (error: unknown) => {
      // A concurrent submission for the same child committed first: the database's index
      // (referral_one_open_per_child) refused this one; tell it as the check above does.
      if (!(error instanceof UniqueConstraintViolationException) || !error.message.includes(ONE_OPEN_INDEX) || input.childId == null) throw error;
      const open = await ctx.em.findOne(Referral, { child: idOfType(input.childId, 'Child', 'input.childId'), status: { $in: OPEN_REFERRAL }, programme: viewerOf(ctx).programmeId });
      throw open ? await referralAlreadyOpen(ctx, open) : error;
    });
    return submission;
  }

  @Mutation(() => ReferralType, { description: 'The coordinator starts reviewing a referral: SUBMITTED → UNDER_REVIEW.' })
  startReferralReview(@Args() args: ReferralEditArgs, @Ctx() ctx: Context): Promise<Referral> {
    return answered(mutateInRows(ctx, WriteAction.REVIEW_REFERRAL, async (scope) => {
      const referral = await referralToEdit(scope, ctx, args.id, args.version, 'id');
      assertTransition(REFERRAL, 'The referral', referral.status, ReferralStatus.UNDER_REVIEW, 'id');
      referral.status = ReferralStatus.UNDER_REVIEW;
      scope.logWrite({ action: AccessAction.UPDATE, entity: 'Referral', childId: referral.child.id, categories: [PATHWAY] });
      return referral;
    }));
  }

  @Mutation(() => ReferralType, {
    description:
      'The coordinator records the team decision on a referral under review (ACCEPTED or DECLINED, with a reason), the meeting, and the referent an accepted referral is handed to.',
  })
  decideReferral(
    @Arg('input', () => DecideReferralInput, { description: 'The referral, the version read, the decision and its reason.' })
    input: DecideReferralInput,
    @Ctx() ctx: Context,
  ): Promise<Referral> {
    return answered(mutateInRows(ctx, WriteAction.REVIEW_REFERRAL, async (scope) => {
      const { em, viewer } = scope;
      const reason = checkText('input.reason', input.reason, MAX_REASON);
      let meeting: TeamMeeting | null = null;
      if (input.teamMeetingId != null) {
        const id = filterIdOfType(input.teamMeetingId, 'TeamMeeting', 'input.teamMeetingId');
        meeting = await em.findOne(TeamMeeting, { id, programme: viewer.programmeId });
        if (!meeting) throw new BadUserInput('input.teamMeetingId', 'no such team meeting in the programme');
      }
      if (input.assignedReferentId != null && input.decision !== ReferralDecision.ACCEPTED) {
        throw new BadUserInput('input.assignedReferentId', 'only an accepted referral is handed to a referent');
      }
      const referent =
        input.assignedReferentId != null
          ? await pathwayReferent(em, viewer.programmeId, input.assignedReferentId, 'input.assignedReferentId')
          : null;

      const referral = await referralToEdit(scope, ctx, input.id, input.version, 'input.id');
      const decided = input.decision === ReferralDecision.ACCEPTED ? ReferralStatus.ACCEPTED : ReferralStatus.DECLINED;
      assertTransition(REFERRAL, 'The referral', referral.status, decided, 'input.decision');
      referral.status = decided;
      referral.decidedOn = parisDate(ctx.now);
      referral.decisionReason = reason;
      if (meeting) referral.teamMeeting = ref(meeting);
      if (referent) referral.assignedTo = ref(referent);
      scope.logWrite({ action: AccessAction.UPDATE, entity: 'Referral', childId: referral.child.id, categories: [PATHWAY] });
      return referral;
    }));
  }

  @Mutation(() => SubmittedReferralType, {
    description:
      'Withdraws a referral not yet decided (SUBMITTED or UNDER_REVIEW → WITHDRAWN), with the reason: its submitter (the structure of a PARTNER_AGENT, ' +
      "or the referent who submitted it), or the coordinator. NOT_FOUND for any other referral. Answers the submitter's view of it (SubmittedReferral).",
  })
  withdrawReferral(@Args() args: WithdrawReferralArgs, @Ctx() ctx: Context): Promise<SubmittedReferral> {
    return mutateInRows(ctx, WriteAction.WITHDRAW_REFERRAL, async (scope) => {
      const reason = checkText('reason', args.reason, MAX_REASON);
      const referral = await scope.em.findOne(Referral, { id: idOfType(args.id, 'Referral', 'id'), programme: scope.viewer.programmeId });
      const mayWithdraw = referral && (submittedBy(scope.viewer, referral) || (reviewsReferrals(scope.viewer) && (await ctx.access.canSee(referral.child.id))));
      if (!referral || !mayWithdraw) throw new NotFound('Referral', args.id);
      checkVersion('Referral', referral, args.version);
      assertTransition(REFERRAL, 'The referral', referral.status, ReferralStatus.WITHDRAWN, 'id');
      referral.status = ReferralStatus.WITHDRAWN;
      referral.decidedOn = parisDate(ctx.now);
      referral.decisionReason = reason;
      scope.logWrite({ action: AccessAction.UPDATE, entity: 'Referral', childId: referral.child.id, categories: [PATHWAY] });
      return referral;
    }).then(submittedView);
  }

  @Mutation(() => TeamMeetingPayload, {
    description: 'The coordinator records a meeting of the multidisciplinary team: date, attending partners, decisions, and the referrals it reviewed.',
  })
  async recordTeamMeeting(
    @Arg('input', () => RecordTeamMeetingInput, { description: 'The meeting.' }) input: RecordTeamMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<TeamMeetingRecord> {
    const record = await mutateInRows(ctx, WriteAction.RECORD_TEAM_MEETING, async (scope): Promise<TeamMeetingRecord> => {
      const { em, viewer } = scope;
      const today = parisDate(ctx.now);
      const heldOn = checkDate('input.heldOn', input.heldOn, { min: yearsAfter(today, -1), max: today });
      const decisions = checkOptionalText('input.decisions', input.decisions, MAX_DECISIONS);
      const referralIds = input.referralIds ? checkList('input.referralIds', input.referralIds, { min: 0, max: 100 }) : [];
      const partnerIds = checkList('input.attendingPartnerIds', input.attendingPartnerIds, { max: 100 });
      const partners = await partnersOf(viewer, em, partnerIds, (i) => `input.attendingPartnerIds[${i}]`);
      const referrals: Referral[] = [];
      for (const shownId of referralIds) {
        const referral = await em.findOne(Referral, { id: idOfType(shownId, 'Referral', 'input.referralIds'), programme: viewer.programmeId });
        if (!referral || !(await ctx.access.canSee(referral.child.id))) throw new NotFound('Referral', shownId);
        referrals.push(referral);
      }

      const meeting = em.create(TeamMeeting, { programme: viewer.programmeId, heldOn, decisions });
      meeting.attendingPartners.set(partners);
      // The meeting itself holds no child data; linking a referral writes that child's PATHWAY data.
      scope.logWrite({ action: AccessAction.CREATE, entity: 'TeamMeeting', categories: [] });
      for (const referral of referrals) {
        referral.teamMeeting = ref(meeting);
        scope.logWrite({ action: AccessAction.UPDATE, entity: 'Referral', childId: referral.child.id, categories: [PATHWAY] });
      }
      return { teamMeeting: meeting, referrals };
    });
    return record;
  }
}

/**
 * A pathway referent of the programme, named by the ID of its Account: an active
 * PATHWAY_REFERENT account, else BAD_USER_INPUT naming `field` (reason NOT_A_PATHWAY_REFERENT).
 */
export async function pathwayReferent(em: EntityManager, programmeId: string, globalId: string, field: string): Promise<Account> {
  const id = filterIdOfType(globalId, 'Account', field);
  const account = await em.findOne(Account, { id, programme: programmeId });
  if (!account || account.role !== Role.PATHWAY_REFERENT || !account.active) {
    throw new BadUserInput(field, 'must be an active pathway referent of the programme', { reason: 'NOT_A_PATHWAY_REFERENT' });
  }
  return account;
}

/** A referral of a child in the viewer's rows (NOT_FOUND otherwise), at the version the client read (CONFLICT otherwise). */
async function referralToEdit(scope: MutationScope, ctx: Context, shownId: string, version: number, field: string): Promise<Referral> {
  const referral = await scope.em.findOne(Referral, { id: idOfType(shownId, 'Referral', field), programme: scope.viewer.programmeId });
  if (!referral || !(await ctx.access.canSee(referral.child.id))) throw new NotFound('Referral', shownId);
  checkVersion('Referral', referral, version);
  return referral;
}

interface NewChildFields {
  firstName: string;
  lastName: string;
  birthDate: string;
  school: Partner | null;
  grade: ReferralNewChildInput['grade'];
  family: { addressLine: string; postalCode: string; city: string; qpvCode?: string };
  guardians: {
    firstName: string;
    lastName: string;
    relationship: ReferralNewChildInput['family']['guardians'][number]['relationship'];
    parentalAuthority: boolean;
    phone?: string;
    email?: string;
  }[];
}

/** Every field of a new child and its family, checked before anything is looked up or written. */
async function checkNewChild(em: EntityManager, programmeId: string, input: ReferralNewChildInput, today: string): Promise<NewChildFields> {
  const p = 'input.newChild';
  const firstName = checkText(`${p}.firstName`, input.firstName, 100);
  const lastName = checkText(`${p}.lastName`, input.lastName, 100);
  const birthDate = checkDate(`${p}.birthDate`, input.birthDate, { min: yearsAfter(today, -MAX_AGE_YEARS), max: today });
  const addressLine = checkText(`${p}.family.addressLine`, input.family.addressLine, 300);
  const postalCode = checkPostalCode(`${p}.family.postalCode`, input.family.postalCode);
  const city = checkText(`${p}.family.city`, input.family.city, 100);
  const qpvCode = checkQpvCode(`${p}.family.qpvCode`, input.family.qpvCode);
  if (input.family.guardians.length < 1 || input.family.guardians.length > MAX_GUARDIANS) {
    throw new BadUserInput(`${p}.family.guardians`, `must list 1 to ${MAX_GUARDIANS} guardians`);
  }
  const guardians = input.family.guardians.map((g, i) => {
    const at = `${p}.family.guardians[${i}]`;
    const phone = checkOptionalText(`${at}.phone`, g.phone, 30);
    const email = checkOptionalText(`${at}.email`, g.email, 254);
    return {
      firstName: checkText(`${at}.firstName`, g.firstName, 100),
      lastName: checkText(`${at}.lastName`, g.lastName, 100),
      relationship: g.relationship,
      parentalAuthority: g.parentalAuthority,
      phone: phone === undefined ? undefined : checkPhone(`${at}.phone`, phone),
      email: email === undefined ? undefined : checkEmail(`${at}.email`, email),
    };
  });
  const school = input.schoolId == null ? null : await schoolOf(em, programmeId, input.schoolId, `${p}.schoolId`);
  return {
    firstName,
    lastName,
    birthDate,
    school,
    grade: input.grade ?? undefined,
    family: { addressLine, postalCode, city, qpvCode },
    guardians,
  };
}

/**
 * The children of the programme with these names (folded: case and accents ignored) and
 * birth date, oldest first; the caller tells the submitter only of those it may see. A
 * transaction-scoped advisory lock on the same key makes two simultaneous submissions of
 * one new child create it once.
 */
async function lookalikeChildren(em: EntityManager, programmeId: string, fields: NewChildFields): Promise<string[]> {
  const first = fold(fields.firstName);
  const last = fold(fields.lastName);
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`new-child|${programmeId}|${first}|${last}|${fields.birthDate}`]);
  const rows: { id: string }[] = await em.execute(
    `select id from child
      where programme_id = ? and birth_date = ?::date and ${foldSql('first_name')} = ? and ${foldSql('last_name')} = ?
      order by created_at, id limit 20`,
    [programmeId, fields.birthDate, ...FOLD_PARAMS, first, ...FOLD_PARAMS, last],
  );
  return rows.map((row) => row.id);
}

function createChild(em: EntityManager, programmeId: string, fields: NewChildFields): Child {
  const family = em.create(Family, { programme: programmeId, ...fields.family });
  for (const guardian of fields.guardians) em.create(Guardian, { programme: programmeId, family, ...guardian });
  return em.create(Child, {
    programme: programmeId,
    family,
    firstName: fields.firstName,
    lastName: fields.lastName,
    birthDate: fields.birthDate,
    school: fields.school ?? undefined,
    grade: fields.grade ?? undefined,
  });
}

/** Eligibility is computed and shown, never enforced (domain.md): what falls outside it is a warning. */
async function eligibilityWithWarnings(ctx: Context, child: Child): Promise<ReferralEligibility> {
  const [school, family] = await Promise.all([child.school?.load(), child.family.load()]);
  const eligibility = eligibilityFrom(ctx, child, school, family);
  const warnings: EligibilityWarning[] = [];
  if (!eligibility.ageInRange) warnings.push(EligibilityWarning.AGE_OUT_OF_RANGE);
  if (!eligibility.priority) warnings.push(EligibilityWarning.NOT_PRIORITY_PUBLIC);
  return { ...eligibility, warnings };
}

/** A school of the programme named by an input field; BAD_USER_INPUT naming it otherwise. */
export async function schoolOf(em: EntityManager, programmeId: string, globalId: string, field: string): Promise<Partner> {
  const school = await em.findOne(Partner, { id: filterIdOfType(globalId, 'Partner', field), programme: programmeId, kind: PartnerKind.SCHOOL });
  if (!school) throw new BadUserInput(field, 'must be a school of the programme');
  return school;
}

/** The referrals still waiting for a decision: a child has at most one (the index below). */
export const OPEN_REFERRAL = [ReferralStatus.SUBMITTED, ReferralStatus.UNDER_REVIEW];
const ONE_OPEN_INDEX = 'referral_one_open_per_child';

/**
 * A second open referral of a child is refused: BAD_USER_INPUT on input.childId, reason
 * REFERRAL_ALREADY_OPEN. It names the open one (`existingReferralId`) only to a viewer that
 * may see it (its own submission, or PATHWAY granted for the child: referrals are PATHWAY
 * data); to any other, that the child is already referred is all it learns.
 */
async function referralAlreadyOpen(ctx: Context, open: Referral): Promise<BadUserInput> {
  const viewer = viewerOf(ctx);
  const visible = submittedBy(viewer, open) || (await ctx.access.categories(open.child.id)).has(PATHWAY);
  return visible
    ? new BadUserInput('input.childId', 'the child already has an open referral: see existingReferralId', {
        reason: 'REFERRAL_ALREADY_OPEN',
        existingReferralId: toGlobalId('Referral', open.id),
      })
    : new BadUserInput('input.childId', 'the child already has an open referral', { reason: 'REFERRAL_ALREADY_OPEN' });
}

/**
 * Who submitted a referral, as its submitter's own rows see it: a partner agent's
 * structure (its colleagues follow the same referral), anyone else's own account. The one
 * rule for withdrawReferral and submittedReferrals.
 */
export function submitterOf(viewer: Viewer): { column: 'referring_partner_id' | 'referring_account_id'; id: string } {
  return viewer.role === Role.PARTNER_AGENT && viewer.partnerId
    ? { column: 'referring_partner_id', id: viewer.partnerId }
    : { column: 'referring_account_id', id: viewer.accountId };
}

function submittedBy(viewer: Viewer, referral: Referral): boolean {
  const submitter = submitterOf(viewer);
  const value = submitter.column === 'referring_partner_id' ? referral.referringPartner.id : referral.referringAccount.id;
  return value === submitter.id;
}

/** The roles that receive and review referrals (policy table "Writes": REVIEW_REFERRAL). */
function reviewsReferrals(viewer: Viewer): boolean {
  return WRITE_POLICY[WriteAction.REVIEW_REFERRAL].includes(viewer.role);
}

/** The runtime value of SubmittedReferral. */
export interface SubmittedReferral {
  referralId: string;
  version: number;
  status: ReferralStatus;
  referredOn: string;
  decidedOn?: string | null;
}

export function submittedView(referral: { id: string; version: number; status: ReferralStatus; referredOn: string; decidedOn?: string | null }): SubmittedReferral {
  return { referralId: toGlobalId('Referral', referral.id), version: referral.version, status: referral.status, referredOn: referral.referredOn, decidedOn: referral.decidedOn ?? null };
}
