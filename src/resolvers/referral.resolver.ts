import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Query } from 'type-graphql';
import { Referral, type Account, type Partner, type TeamMeeting } from '../entities';
import { DataCategory } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { ReferralConnectionType, ReferralType } from '../schema/referral.type';
import { EligibilityType } from '../schema/child.type';
import { ReferralsArgs } from '../schema/referral.inputs';
import { BadUserInput } from '../errors';
import { childIdsWithCategory, visibleChild, type ChildRecord } from './rows';
import { idOf, oneOf, shapeOf, type RecordOf, type ValueOf } from '../read/records';
import { raw } from '@mikro-orm/postgresql';
import { checkFirst, decodeCursor, encodeCursor, toPage, type Page } from './pagination';
import { eligibilityOf, type Eligibility } from './eligibility';
import { ROLE_POLICY, ROW_RULE_LIFECYCLES } from '../permissions/policy';

const CURSOR_KIND = 'referral';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function referralCursor(referral: RecordOf<Referral>): string {
  return encodeCursor(CURSOR_KIND, [referral.referredOn, referral.id]);
}

@Resolver(() => ReferralType)
export class ReferralResolver {
  @Query(() => ReferralConnectionType, {
    description:
      "Referrals of the children in the viewer's rows for whom PATHWAY data is granted, newest first (referral date, then id), a page at a time.",
  })
  async referrals(@Args() args: ReferralsArgs, @Ctx() ctx: Context): Promise<Page<RecordOf<Referral>>> {
    const first = checkFirst(args.first);
    const childIds = await childIdsWithCategory(ctx, DataCategory.PATHWAY);
    const shape = shapeOf(ctx.em, Referral);
    const qb = ctx.em.createQueryBuilder(Referral, 'r').select(raw(shape.select('r'))).where({ programme: viewerOf(ctx).programmeId });
    if (childIds !== 'ALL') qb.andWhere({ child: { $in: childIds } });
    else qb.andWhere({ child: { lifecycle: { $in: [...ROW_RULE_LIFECYCLES[ROLE_POLICY[viewerOf(ctx).role].rows]] } } });
    if (args.status != null) qb.andWhere({ status: args.status });
    await qb.applyFilters();
    const countQb = qb.clone();

    if (args.after != null) {
      const [referredOn, id] = decodeCursor(args.after, CURSOR_KIND, 2);
      if (!DATE.test(referredOn) || !UUID.test(id)) throw new BadUserInput('after', 'not a valid cursor');
      qb.andWhere('(r.referred_on, r.id) < (?::date, ?::uuid)', [referredOn, id]);
    }
    qb.orderBy({ referredOn: 'desc', id: 'desc' }).limit(first + 1);
    const rows = (await qb.execute<object[]>('all', false)).map((row) => shape.build(row));
    for (const referral of rows.slice(0, first)) ctx.access.log.read(referral.childId, DataCategory.PATHWAY);
    return toPage(rows, first, referralCursor, () => countQb.getCount('id'));
  }

  @FieldResolver()
  child(@Root() referral: ValueOf<Referral>, @Ctx() ctx: Context): Promise<ChildRecord | null> {
    return visibleChild(ctx, idOf(referral, 'child'));
  }

  @FieldResolver()
  referringPartner(@Root() referral: ValueOf<Referral>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(referral, 'referringPartner'));
  }

  @FieldResolver()
  teamMeeting(@Root() referral: ValueOf<Referral>, @Ctx() ctx: Context): Promise<RecordOf<TeamMeeting> | null> {
    return oneOf(ctx.loaders.teamMeetingById, idOf(referral, 'teamMeeting'));
  }

  @FieldResolver()
  assignedTo(@Root() referral: ValueOf<Referral>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    return oneOf(ctx.loaders.accountById, idOf(referral, 'assignedTo'));
  }

  @FieldResolver()
  suspectedDuplicateOf(@Root() referral: ValueOf<Referral>, @Ctx() ctx: Context): Promise<ChildRecord | null> {
    return visibleChild(ctx, idOf(referral, 'suspectedDuplicateOf'));
  }

  @FieldResolver(() => EligibilityType)
  async eligibility(@Root() referral: ValueOf<Referral>, @Ctx() ctx: Context): Promise<Eligibility | null> {
    const child = await visibleChild(ctx, idOf(referral, 'child'));
    return child ? eligibilityOf(ctx, child) : null;
  }
}
