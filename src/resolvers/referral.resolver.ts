import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Query } from 'type-graphql';
import { Referral, type Account, type Partner, type TeamMeeting } from '../entities';
import { DataCategory } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { ReferralConnectionType, ReferralType } from '../schema/referral.type';
import { EligibilityType } from '../schema/child.type';
import { ReferralsArgs } from '../schema/referral.inputs';
import { childIdsWithCategory, visibleChild, type ChildRecord } from './rows';
import { idOf, oneOf, shapeOf, type RecordOf, type ValueOf } from '../read/records';
import { sql, SqlParams } from '../db/sql';
import { assertCursorsKnown, encodeCursor, keysetPage, pageWindow, toPage, type Page } from './pagination';
import { eligibilityOf, type Eligibility } from './eligibility';
import { ROLE_POLICY, ROW_RULE_LIFECYCLES } from '../permissions/policy';

const CURSOR_KIND = 'referral';

@Resolver(() => ReferralType)
export class ReferralResolver {
  @Query(() => ReferralConnectionType, {
    description:
      "Referrals of the children in the viewer's rows for whom PATHWAY data is granted, newest first (referral date, then id), a page at a time (`first`/`after` forward, `last`/`before` backward).",
  })
  async referrals(@Args() args: ReferralsArgs, @Ctx() ctx: Context): Promise<Page<RecordOf<Referral>>> {
    const window = pageWindow(args, CURSOR_KIND);
    const childIds = await childIdsWithCategory(ctx, DataCategory.PATHWAY);
    const shape = shapeOf(ctx.em, Referral);
    const params = new SqlParams();
    const programmeId = viewerOf(ctx).programmeId;
    // The referrals the viewer may see at all (`alias`): its programme, children with PATHWAY
    // granted (the whole programme: the files its row rule reaches, "Lifetime of the data").
    const lifecycles = ROW_RULE_LIFECYCLES[ROLE_POLICY[viewerOf(ctx).role].rows];
    const visible = (alias: string, p: SqlParams) => [
      `${alias}.programme_id = ${p.add(programmeId)}`,
      childIds === 'ALL'
        ? `exists (select 1 from child rc where rc.id = ${alias}.child_id and rc.lifecycle = any(${p.add(lifecycles)}::child_lifecycle[]))`
        : `${alias}.child_id = any(${p.add(childIds)}::uuid[])`,
    ];
    const where = visible('r', params);
    if (args.status != null) where.push(`r.status = ${params.add(args.status)}`);
    const countParams = params.values.slice();
    const countSql = `select count(*) as n from referral r where ${where.join(' and ')}`;
    const keyset = {
      columns: ['r.referred_on', 'r.id'],
      descending: true,
      keyOf: (id: string) => `select k.referred_on, k.id from referral k where k.id = ${id} and ${visible('k', params).join(' and ')}`,
    };
    const range = keysetPage(window, keyset, (value) => params.add(value));
    const rows = (
      await sql<Record<string, unknown>>(
        ctx.em,
        `select ${shape.select('r')} from referral r where ${[...where, ...range.where].join(' and ')}
          order by ${range.orderBy} limit ${params.add(window.size + 1)}`,
        params.values,
      )
    ).map((row) => shape.build(row));
    if (rows.length === 0) {
      await assertCursorsKnown(window, async (id) => {
        const known = new SqlParams();
        const found = await sql(ctx.em, `select 1 from referral k where k.id = ${known.add(id)}::uuid and ${visible('k', known).join(' and ')}`, known.values);
        return found.length > 0;
      });
    }
    for (const referral of rows.slice(0, window.size)) ctx.access.log.read(referral.childId, DataCategory.PATHWAY);
    return toPage(rows, window, (referral) => encodeCursor(CURSOR_KIND, referral.id), async () =>
      Number((await sql<{ n: string }>(ctx.em, countSql, countParams))[0]!.n),
    );
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
