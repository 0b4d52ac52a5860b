import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Referral, TeamMeeting, type Partner } from '../entities';
import { viewerOf, type Context } from '../context';
import { BadUserInput } from '../errors';
import { SubmittedReferralType, TeamMeetingType } from '../schema/referral.type';
import { readRecords, type RecordOf, type ValueOf } from '../read/records';
import { OPEN_REFERRAL, submitterOf, submittedView, type SubmittedReferral } from './referral.mutations';
import { pgArray } from '../permissions/access';

const MAX_LIST = 100;

/**
 * The team's meetings (READ_TEAM_MEETINGS: who records them) and a submitter's own
 * referrals (READ_OWN_SUBMISSIONS). Both roots are open only to the roles of their read
 * (ROOT_FIELD_READS, src/permissions/field-categories.ts): these resolvers hold no role
 * check of their own.
 */
@Resolver(() => TeamMeetingType)
export class TeamMeetingResolver {
  @Query(() => [TeamMeetingType], { description: 'The meetings of the multidisciplinary team, newest first, with who attended and what was decided (PRE_COORDINATOR).' })
  teamMeetings(
    @Arg('first', () => Int, { defaultValue: 20, description: `How many, at most ${MAX_LIST}.` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<RecordOf<TeamMeeting>[]> {
    return readRecords(ctx.em, TeamMeeting, 't.programme_id = $1', [viewerOf(ctx).programmeId], `t.held_on desc, t.id limit ${checkFirst(first)}`);
  }

  @Query(() => [SubmittedReferralType], {
    description:
      "The referrals the viewer's structure submitted (a partner agent's; anyone else's own), newest first, status only: " +
      'a school sees what became of the referral of a child it has no link to, and nothing of the child. `open`: only those waiting for a decision.',
  })
  async submittedReferrals(
    @Arg('first', () => Int, { defaultValue: 20, description: `How many, at most ${MAX_LIST}.` }) first: number,
    @Arg('open', () => Boolean, { defaultValue: false, description: 'Only the referrals waiting for a decision (SUBMITTED, UNDER_REVIEW).' }) open: boolean,
    @Ctx() ctx: Context,
  ): Promise<SubmittedReferral[]> {
    const viewer = viewerOf(ctx);
    const submitter = submitterOf(viewer);
    const where = [`t.programme_id = $1`, `t.${submitter.column} = $2`];
    if (open) where.push(`t.status = any('${pgArray(OPEN_REFERRAL)}'::referral_status[])`);
    const rows = await readRecords(ctx.em, Referral, where.join(' and '), [viewer.programmeId, submitter.id], `t.referred_on desc, t.id desc limit ${checkFirst(first)}`);
    return rows.map(submittedView);
  }

  @FieldResolver()
  async attendingPartners(@Root() meeting: ValueOf<TeamMeeting>, @Ctx() ctx: Context): Promise<RecordOf<Partner>[]> {
    const ids = await ctx.loaders.partnersByTeamMeeting.load(meeting.id);
    const partners = await Promise.all(ids.map((id) => ctx.loaders.partnerById.load(id)));
    return partners.filter((p): p is RecordOf<Partner> => p !== null);
  }
}

function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw new BadUserInput('first', `must be between 1 and ${MAX_LIST}`);
  return first;
}
