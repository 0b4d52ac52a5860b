import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AccessEvent, Account, Partner } from '../entities';
import { viewerOf, type Context } from '../context';
import { BadUserInput } from '../errors';
import { idOfType } from '../schema/global-id';
import { AccessEventConnectionType, AccessEventType, AccessLogArgs } from '../schema/access-log.type';
import { childOfRequest } from './data-request.resolver';
import { DataRequestAction } from '../permissions/policy';
import { checkFirst, decodeCursor, encodeCursor, toPage, type Page } from './pagination';

const CURSOR_KIND = 'access-event';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@Resolver(() => AccessEventType)
export class AccessLogResolver {
  @Query(() => AccessEventConnectionType, {
    description:
      "The access log of one child, newest first: every read, refusal and write of its data. For the DPO (any child of its programme) and for a guardian (its own children); NOT_FOUND for anyone else.",
  })
  async accessLog(@Args() args: AccessLogArgs, @Ctx() ctx: Context): Promise<Page<AccessEvent>> {
    const first = checkFirst(args.first);
    const childId = idOfType(args.childId, 'Child', 'childId');
    // Policy table "Requests from families", READ_ACCESS_LOG: the DPO, any file of its programme; a guardian, its children.
    await childOfRequest(ctx, DataRequestAction.READ_ACCESS_LOG, childId, args.childId);
    if (args.from && args.to && args.to < args.from) throw new BadUserInput('to', 'must not be before from');

    const qb = ctx.em.createQueryBuilder(AccessEvent, 'e').select('e.*').where({ child: childId, programme: viewerOf(ctx).programmeId });
    if (args.from) qb.andWhere({ at: { $gte: args.from } });
    if (args.to) qb.andWhere({ at: { $lt: args.to } });
    const countQb = qb.clone();
    if (args.after != null) {
      const [at, id] = decodeCursor(args.after, CURSOR_KIND, 2);
      if (Number.isNaN(Date.parse(at)) || !UUID.test(id)) throw new BadUserInput('after', 'not a valid cursor');
      qb.andWhere('(e.at, e.id) < (?::timestamptz, ?::uuid)', [at, id]);
    }
    qb.orderBy({ at: 'desc', id: 'desc' }).limit(first + 1);
    const rows = await qb.getResultList();
    return toPage(rows, first, (e) => encodeCursor(CURSOR_KIND, [e.at.toISOString(), e.id]), () => countQb.getCount('id'));
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
