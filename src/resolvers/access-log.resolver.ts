import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AccessEvent, Account, Partner } from '../entities';
import { viewerOf, type Context } from '../context';
import { BadUserInput } from '../errors';
import { idOfType } from '../schema/global-id';
import { AccessEventConnectionType, AccessEventType, AccessLogArgs } from '../schema/access-log.type';
import { childOfRequest } from './data-request.resolver';
import { DataRequestAction } from '../permissions/policy';
import { assertCursorsKnown, encodeCursor, keysetPage, pageWindow, toPage, type Page } from './pagination';

const CURSOR_KIND = 'access-event';

@Resolver(() => AccessEventType)
export class AccessLogResolver {
  @Query(() => AccessEventConnectionType, {
    description:
      "The access log of one child, newest first: every read, refusal and write of its data. For the DPO (any child of its programme) and for a guardian (its own children); NOT_FOUND for anyone else.",
  })
  async accessLog(@Args() args: AccessLogArgs, @Ctx() ctx: Context): Promise<Page<AccessEvent>> {
    const window = pageWindow(args, CURSOR_KIND);
    const childId = idOfType(args.childId, 'Child', 'childId');
    // Policy table "Requests from families", READ_ACCESS_LOG: the DPO, any file of its programme; a guardian, its children.
    await childOfRequest(ctx, DataRequestAction.READ_ACCESS_LOG, childId, args.childId);
    if (args.from && args.to && args.to < args.from) throw new BadUserInput('to', 'must not be before from');

    const programmeId = viewerOf(ctx).programmeId;
    const qb = ctx.em.createQueryBuilder(AccessEvent, 'e').select('e.*').where({ child: childId, programme: programmeId });
    if (args.from) qb.andWhere({ at: { $gte: args.from } });
    if (args.to) qb.andWhere({ at: { $lt: args.to } });
    const countQb = qb.clone();
    // The query builder's placeholders are `?`, bound in the order they are written.
    const values: unknown[] = [];
    const param = (value: unknown) => (values.push(value), '?');
    const ofThisLog = (alias: string) => `${alias}.child_id = ${param(childId)}::uuid and ${alias}.programme_id = ${param(programmeId)}::uuid`;
    const range = keysetPage(window, { columns: ['e.at', 'e.id'], descending: true, keyOf: (id) => `select k.at, k.id from access_event k where k.id = ${id} and ${ofThisLog('k')}` }, param);
    if (range.where.length) qb.andWhere(range.where.join(' and '), values);
    const direction = window.backward ? 'asc' : 'desc';
    qb.orderBy({ at: direction, id: direction }).limit(window.size + 1);
    const rows = await qb.getResultList();
    if (rows.length === 0) {
      await assertCursorsKnown(window, async (id) => {
        values.length = 0;
        const where = `k.id = ${param(id)}::uuid and ${ofThisLog('k')}`;
        return (await ctx.em.getConnection().execute(`select 1 from access_event k where ${where}`, values)).length > 0;
      });
    }
    return toPage(rows, window, (event) => encodeCursor(CURSOR_KIND, event.id), () => countQb.getCount('id'));
  }

  @FieldResolver()
  async account(@Root() event: AccessEvent): Promise<Account | null> {
    return (await event.account.load()) ?? null;
  }

  @FieldResolver()
  async partner(@Root() event: AccessEvent): Promise<Partner | null> {
    return (await event.partner?.load()) ?? null;
  }
}

@Resolver(() => AccessEventConnectionType)
export class AccessEventConnectionResolver {
  @FieldResolver()
  totalCount(@Root() page: Page<AccessEvent>): Promise<number> {
    return page.count();
  }
}
