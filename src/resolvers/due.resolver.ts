import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Consent, Pathway, Referral, ServiceLink } from '../entities';
import { DataCategory, PathwayStatus } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { BadUserInput } from '../errors';
import { SqlParams } from '../db/sql';
import { consentInForceSql, linkInForceSql, pgArray } from '../permissions/access';
import { DueViewType } from '../schema/due.type';
import { readRecords, type RecordOf } from '../read/records';
import { parisDate } from '../util/dates';
import { childIdsWithCategory } from './rows';
import { OPEN_REFERRAL } from './referral.mutations';

const MAX_WEEKS = 104;
const MAX_DAYS = 366;
const MAX_ROWS = 500;

/** The runtime value of DueView. */
interface DueView {
  today: string;
  reviewsDue: RecordOf<Pathway>[];
  linksExpiring: RecordOf<ServiceLink>[];
  consentsExpiring: RecordOf<Consent>[];
  referralsAwaitingDecision: RecordOf<Referral>[];
}

/**
 * The "due" view (issue 12): what a referent or the coordinator has to do this week, read
 * from its rows like every list (children with PATHWAY granted: childIdsWithCategory), the
 * links and consents by the access check's own predicates (linkInForceSql,
 * consentInForceSql): an expiring link is one that grants now. Open only to the roles of
 * READ_DUE (ROOT_FIELD_READS). Four statements, whatever the number of rows.
 */
@Resolver(() => DueViewType)
export class DueResolver {
  @Query(() => DueViewType, { description: "What is due: reviews to hold, links and consents about to expire, referrals waiting for a decision (PRE_COORDINATOR, PATHWAY_REFERENT)." })
  async due(
    @Arg('reviewWeeks', () => Int, { defaultValue: 12, description: `A pathway is due a review after this many weeks without one (1 to ${MAX_WEEKS}).` }) reviewWeeks: number,
    @Arg('withinDays', () => Int, { defaultValue: 30, description: `Links and consents whose last day is within this many days (0 to ${MAX_DAYS}).` }) withinDays: number,
    @Ctx() ctx: Context,
  ): Promise<DueView> {
    if (!Number.isInteger(reviewWeeks) || reviewWeeks < 1 || reviewWeeks > MAX_WEEKS) throw new BadUserInput('reviewWeeks', `must be between 1 and ${MAX_WEEKS}`);
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_DAYS) throw new BadUserInput('withinDays', `must be between 0 and ${MAX_DAYS}`);
    const viewer = viewerOf(ctx);
    const today = parisDate(ctx.now);
    const children = await childIdsWithCategory(ctx, DataCategory.PATHWAY);
    const empty: DueView = { today, reviewsDue: [], linksExpiring: [], consentsExpiring: [], referralsAwaitingDecision: [] };
    if (children !== 'ALL' && children.length === 0) return empty;

    /** A statement's parameters: the programme and the children (unless all); today and now once asked for. */
    const start = () => {
      const params = new SqlParams();
      const where = [`t.programme_id = ${params.add(viewer.programmeId)}`];
      if (children !== 'ALL') where.push(`t.child_id = any(${params.add(children)}::uuid[])`);
      let day: string | undefined;
      let now: string | undefined;
      return {
        params,
        where,
        get day() {
          return (day ??= `${params.add(today)}::date`);
        },
        get now() {
          return (now ??= `${params.add(ctx.now)}::timestamptz`);
        },
      };
    };
    const limit = ` limit ${MAX_ROWS}`;

    const reviews = start();
    const lastReview = `coalesce((select max(r.held_on) from review r where r.pathway_id = t.id), t.start_date, t.created_at::date)`;
    reviews.where.push(`t.status = '${PathwayStatus.ACTIVE}'`, `${lastReview} <= ${reviews.day} - ${reviews.params.add(reviewWeeks * 7)}::int`);

    const links = start();
    links.where.push(`t.valid_until is not null`, `t.valid_until <= ${links.day} + ${links.params.add(withinDays)}::int`, linkInForceSql('t', 'c', links.day, links.now));

    const consents = start();
    consents.where.push(`t.expires_on is not null`, `t.expires_on <= ${consents.day} + ${consents.params.add(withinDays)}::int`, consentInForceSql('t', consents.day, consents.now));

    const referrals = start();
    referrals.where.push(`t.status = any('${pgArray(OPEN_REFERRAL)}'::referral_status[])`);

    const [reviewsDue, linksExpiring, consentsExpiring, referralsAwaitingDecision] = await Promise.all([
      readRecords(ctx.em, Pathway, reviews.where.join(' and '), reviews.params.values, `${lastReview}, t.id${limit}`),
      readRecords(ctx.em, ServiceLink, links.where.join(' and '), links.params.values, `t.valid_until, t.id${limit}`, { join: 'left join consent c on c.id = t.consent_id', ownerColumn: 't.id' }),
      readRecords(ctx.em, Consent, consents.where.join(' and '), consents.params.values, `t.expires_on, t.id${limit}`),
      readRecords(ctx.em, Referral, referrals.where.join(' and '), referrals.params.values, `t.referred_on, t.id${limit}`),
    ]);
    for (const row of [...reviewsDue, ...linksExpiring, ...consentsExpiring, ...referralsAwaitingDecision]) ctx.access.log.read(row.childId, DataCategory.PATHWAY);
    return { today, reviewsDue, linksExpiring, consentsExpiring, referralsAwaitingDecision };
  }
}
