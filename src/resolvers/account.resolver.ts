import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Account, Child, Partner } from '../entities';
import { DataCategory, Role } from '../entities/enums';
import { DataRequestAction, ReadAction, mayRead, requestGrant, requestsOf, ROLE_POLICY, ROW_RULE_TEXT } from '../permissions/policy';
import { viewerOf, type Context } from '../context';
import { AccountType, ViewerType } from '../schema/account.type';
import { ViewerValue } from '../schema/sources';
import type { ChildRecord } from './rows';
import { idOf, oneOf, readRecords, type RecordOf, type ValueOf } from '../read/records';

@Resolver(() => AccountType)
export class AccountResolver {
  /** Only the name of another account is ever shown (never its email). */
  @FieldResolver()
  name(@Root() account: ValueOf<Account>): string {
    return account.displayName;
  }

  /** READ_ACCOUNTS only (FIELD_READS): the structure the account works for. */
  @FieldResolver()
  partner(@Root() account: ValueOf<Account>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(account, 'partner'));
  }
}

@Resolver(() => ViewerType)
export class ViewerResolver {
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
