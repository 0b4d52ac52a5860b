import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Account, Child, Partner, Programme } from '../entities';
import { DataCategory, Role } from '../entities/enums';
import { DataRequestAction, ReadAction, mayRead, requestGrant, requestsOf, ROLE_POLICY, ROW_RULE_TEXT } from '../permissions/policy';
import { viewerOf, type Context, type ProgrammeSettings } from '../context';
import { AccountConnectionType, AccountsArgs, AccountType, StaffAccountType, ViewerType } from '../schema/account.type';
import { filterIdOfType } from '../schema/global-id';
import { sql, SqlParams } from '../db/sql';
import type { Caseload } from '../loaders';
import { assertCursorsKnown, encodeCursor, keysetPage, pageWindow, toPage, type Page } from './pagination';
import { ViewerValue } from '../schema/sources';
import type { ChildRecord } from './rows';
import { idOf, oneOf, readRecords, shapeOf, type RecordOf, type ValueOf } from '../read/records';

@Resolver(() => AccountType)
export class AccountResolver {
  /** Only the name of another account is ever shown (never its email). */
  @FieldResolver()
  name(@Root() account: ValueOf<Account>): string {
    return account.displayName;
  }
}

/**
 * A staff account as the ADMIN and the coordinator see it: reached only through `accounts`
 * (READ_ACCOUNTS) and the ADMIN's account mutations (MANAGE_ACCOUNTS). Its root value is
 * the account's record.
 */
@Resolver(() => StaffAccountType)
export class StaffAccountResolver {
  @FieldResolver()
  account(@Root() account: RecordOf<Account>): RecordOf<Account> {
    return account;
  }

  /** A pathway referent's counts, batched (caseloadByAccount). */
  @FieldResolver()
  caseload(@Root() account: ValueOf<Account>, @Ctx() ctx: Context): Promise<Caseload> | null {
    return account.role === Role.PATHWAY_REFERENT ? ctx.loaders.caseloadByAccount.load(account.id) : null;
  }

  @Query(() => AccountConnectionType, {
    description:
      'The staff accounts of the programme, by name (then id), a page at a time; filter by role, partner, active or not. ADMIN and PRE_COORDINATOR only (READ_ACCOUNTS): ' +
      "the coordinator finds here the referent to hand a referral to. Guardians' portal accounts are never listed.",
  })
  async accounts(@Args() args: AccountsArgs, @Ctx() ctx: Context): Promise<Page<RecordOf<Account>>> {
    const window = pageWindow(args, CURSOR_KIND);
    const filter = args.filter ?? {};
    const shape = shapeOf(ctx.em, Account);
    const params = new SqlParams();
    const listed = (alias: string, p: SqlParams) => [`${alias}.programme_id = ${p.add(viewerOf(ctx).programmeId)}`, `${alias}.role <> 'GUARDIAN'`];
    const where = listed('t', params);
    if (filter.role != null) where.push(`t.role = ${params.add(filter.role)}`);
    if (filter.partnerId != null) where.push(`t.partner_id = ${params.add(filterIdOfType(filter.partnerId, 'Partner', 'filter.partnerId'))}`);
    if (filter.active != null) where.push(`t.active = ${params.add(filter.active)}`);
    const countParams = params.values.slice();
    const countSql = `select count(*)::int as n from account t where ${where.join(' and ')}`;
    const keyset = {
      columns: ['t.display_name', 't.id'],
      descending: false,
      keyOf: (id: string) => `select k.display_name, k.id from account k where k.id = ${id} and ${listed('k', params).join(' and ')}`,
    };
    const range = keysetPage(window, keyset, (value) => params.add(value));
    const rows = (
      await sql<Record<string, unknown>>(
        ctx.em,
        `select ${shape.select('t')} from account t where ${[...where, ...range.where].join(' and ')} order by ${range.orderBy} limit ${params.add(window.size + 1)}`,
        params.values,
      )
    ).map((row) => shape.build(row));
    if (rows.length === 0) {
      await assertCursorsKnown(window, async (id) => {
        const known = new SqlParams();
        return (await sql(ctx.em, `select 1 from account k where k.id = ${known.add(id)}::uuid and ${listed('k', known).join(' and ')}`, known.values)).length > 0;
      });
    }
    return toPage(rows, window, (account) => encodeCursor(CURSOR_KIND, account.id), async () => (await sql<{ n: number }>(ctx.em, countSql, countParams))[0]!.n);
  }

  /** The structure the account works for. */
  @FieldResolver()
  partner(@Root() account: ValueOf<Account>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(account, 'partner'));
  }
}

const CURSOR_KIND = 'account';

@Resolver(() => AccountConnectionType)
export class AccountConnectionResolver {
  @FieldResolver()
  totalCount(@Root() page: Page<RecordOf<Account>>): Promise<number> {
    return page.count();
  }
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  /** The viewer's own programme (the tenant filter is on it). */
  @FieldResolver()
  async programme(@Root() value: ViewerValue, @Ctx() ctx: Context): Promise<{ name: string; inseeCode: string; settings: ProgrammeSettings }> {
    const programme = await ctx.em.findOneOrFail(Programme, { id: value.viewer.programmeId });
    return { name: programme.name, inseeCode: programme.inseeCode, settings: ctx.settings };
  }

  @Query(() => ViewerType, { description: 'The signed-in account.' })
  viewer(@Ctx() ctx: Context): ViewerValue {
    return new ViewerValue(viewerOf(ctx));
  }

  /** The signed-in account's one global ID is its Account's. */
  @FieldResolver()
  async account(@Root() value: ViewerValue, @Ctx() ctx: Context): Promise<RecordOf<Account>> {
    const account = await ctx.loaders.accountById.load(value.viewer.accountId);
    if (!account) throw new Error('the signed-in account has no row');
    return account;
  }

  @FieldResolver()
  async partner(@Root() value: ViewerValue, @Ctx() ctx: Context): Promise<Partner | null> {
    const { partnerId, programmeId } = value.viewer;
    if (!partnerId) return null;
    return ctx.em.findOne(Partner, { id: partnerId, programme: programmeId });
  }

  /** Policy as data, for portals: the viewer's maximum and its row rule (src/permissions/policy.ts). */
  @FieldResolver()
  accessPolicy(
    @Root() value: ViewerValue,
    @Ctx() ctx: Context,
  ): { maxCategories: DataCategory[]; rows: string; canReadAccessLog: boolean; requests: DataRequestAction[]; canReadStatistics: boolean } {
    const { role } = value.viewer;
    return {
      maxCategories: Object.values(DataCategory).filter((c) => ctx.access.maximum.has(c)),
      rows: ROW_RULE_TEXT[ROLE_POLICY[role].rows],
      canReadAccessLog: requestGrant(DataRequestAction.READ_ACCESS_LOG, role) !== undefined,
      requests: requestsOf(role),
      canReadStatistics: mayRead(role, ReadAction.READ_STATISTICS),
    };
  }

  /** A guardian's own children are exactly its rows (parental authority). */
  @FieldResolver()
  async children(@Root() value: ViewerValue, @Ctx() ctx: Context): Promise<ChildRecord[]> {
    if (value.viewer.role !== Role.GUARDIAN) return [];
    const rows = await ctx.access.rows();
    if (rows === 'ALL') throw new Error('a guardian sees its own children only');
    return readRecords(ctx.em, Child, 't.programme_id = $1 and t.id = any($2::uuid[])', [value.viewer.programmeId, rows], 't.last_name, t.first_name, t.id');
  }
}
