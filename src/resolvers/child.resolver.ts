import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { Child, Consent, Family, Partner, ServiceLink } from '../entities';
import type { Context } from '../context';
import { ChildConnectionType, ChildType, EligibilityType } from '../schema/child.type';
import { ChildrenArgs, ChildrenFilter } from '../schema/child.inputs';
import { FamilyType } from '../schema/family.type';
import type {
  ContactSource,
  HealthSource,
  InclusionSource,
  PathwayBlockSource,
  SchoolingSource,
  SocialSource,
} from '../schema/sources';
import { filterIdOfType, idOfType } from '../schema/global-id';
import { currentPathwayStatusSql } from '../loaders/current-pathway';
import { BadUserInput } from '../errors';
import { assertChildVisible, childLinks, childRowsWhere } from './rows';
import { checkFirst, decodeCursor, encodeCursor, toPage, type Page } from './pagination';
import { ageToday, eligibilityOf, ELIGIBLE_SQL, type Eligibility } from './eligibility';
import { containsPattern, FOLD_PARAMS, foldSql, searchWords } from './search';
import { contactOf } from './contact';

const CURSOR_KIND = 'child';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The children list's sort key, which its cursors encode: last name, first name, id. */
function childCursor(child: Child): string {
  return encodeCursor(CURSOR_KIND, [child.lastName, child.firstName, child.id]);
}

@Resolver(() => ChildType)
export class ChildResolver {
  @Query(() => ChildType, {
    nullable: true,
    description: "One child by ID. NOT_FOUND when it does not exist or is outside the viewer's rows (indistinguishable).",
  })
  async child(@Arg('id', () => ID, { description: 'ID of the child.' }) id: string, @Ctx() ctx: Context): Promise<Child> {
    return assertChildVisible(ctx, idOfType(id, 'Child', 'id'), 'Child', id);
  }

  @Query(() => ChildConnectionType, {
    description:
      "The children in the viewer's rows, by last name, first name and id, a page at a time (keyset pagination with opaque cursors).",
  })
  async children(@Args() args: ChildrenArgs, @Ctx() ctx: Context): Promise<Page<Child>> {
    const first = checkFirst(args.first);
    const qb = ctx.em.createQueryBuilder(Child, 'c').select('c.*').where(await childRowsWhere(ctx));
    applyChildrenFilter(qb, args.filter);
    await qb.applyFilters();
    const countQb = qb.clone();

    if (args.after != null) {
      const [lastName, firstName, id] = decodeCursor(args.after, CURSOR_KIND, 3);
      if (!UUID.test(id)) throw new BadUserInput('after', 'not a valid cursor');
      qb.andWhere('(c.last_name, c.first_name, c.id) > (?, ?, ?::uuid)', [lastName, firstName, id]);
    }
    qb.orderBy({ lastName: 'asc', firstName: 'asc', id: 'asc' }).limit(first + 1);
    const rows = await qb.getResultList();
    return toPage(rows, first, childCursor, () => countQb.getCount('id'));
  }

  @FieldResolver()
  age(@Root() child: Child, @Ctx() ctx: Context): number {
    return ageToday(ctx, child);
  }

  @FieldResolver()
  async school(@Root() child: Child): Promise<Partner | null> {
    return (await child.school?.load()) ?? null;
  }

  @FieldResolver(() => EligibilityType)
  eligibility(@Root() child: Child, @Ctx() ctx: Context): Promise<Eligibility> {
    return eligibilityOf(ctx, child);
  }

  @FieldResolver(() => FamilyType)
  async family(@Root() child: Child): Promise<Family> {
    return child.family.loadOrFail();
  }

  // The category blocks. The permission layer guards exactly these fields (and
  // serviceLinks, consents below); each returns a value carrying `childId`.

  @FieldResolver()
  async contact(@Root() child: Child): Promise<ContactSource> {
    return contactOf(await child.family.loadOrFail(), child.id);
  }

  @FieldResolver()
  schooling(@Root() child: Child): SchoolingSource {
    return {
      childId: child.id,
      attendanceConcern: child.attendanceConcern,
      hasPps: child.hasPps,
      aeshHours: child.aeshHours == null ? null : Number(child.aeshHours),
      arrangements: child.schoolingArrangements ?? null,
    };
  }

  @FieldResolver()
  async social(@Root() child: Child): Promise<SocialSource> {
    const family = await child.family.loadOrFail();
    return {
      childId: child.id,
      familyId: family.id,
      protectionMeasure: child.protectionMeasure,
      followUp: child.socialFollowUp ?? null,
      familySituation: family.socialSituation ?? null,
      familyNotes: family.socialNotes ?? null,
    };
  }

  @FieldResolver()
  health(@Root() child: Child): HealthSource {
    return {
      childId: child.id,
      diagnosis: child.diagnosis ?? null,
      medicalFollowUp: child.medicalFollowUp ?? null,
      mdphDecision: child.mdphDecision ?? null,
      treatments: child.treatments ?? null,
    };
  }

  /** Never null for a child without follow-up: null must always mean "forbidden". */
  @FieldResolver()
  async inclusion(@Root() child: Child, @Ctx() ctx: Context): Promise<InclusionSource> {
    const followUp = await ctx.loaders.inclusionFollowUpByChild.load(child.id);
    return {
      childId: child.id,
      followUp,
      status: followUp?.status ?? null,
      familyExpectations: followUp?.familyExpectations ?? null,
      needsInventory: followUp?.needsInventory ?? null,
      existingMeans: followUp?.existingMeans ?? null,
      paiArrangements: followUp?.paiArrangements ?? null,
      emergencyProtocol: followUp?.emergencyProtocol ?? null,
    };
  }

  /** Never null for a child without pathway: null must always mean "forbidden". */
  @FieldResolver()
  async pathway(@Root() child: Child, @Ctx() ctx: Context): Promise<PathwayBlockSource> {
    const pathway = await ctx.loaders.currentPathwayByChild.load(child.id);
    return {
      childId: child.id,
      pathway,
      status: pathway?.status ?? null,
      startDate: pathway?.startDate ?? null,
      endDate: pathway?.endDate ?? null,
      closureReason: pathway?.closureReason ?? null,
    };
  }

  @FieldResolver()
  serviceLinks(@Root() child: Child, @Ctx() ctx: Context): Promise<ServiceLink[]> {
    return childLinks(ctx, child.id);
  }

  @FieldResolver()
  consents(@Root() child: Child, @Ctx() ctx: Context): Promise<Consent[]> {
    return ctx.loaders.consentsByChild.load(child.id);
  }
}

/** The filters of `children`, all in SQL on the child aliased `c`. */
function applyChildrenFilter(qb: QueryBuilder<Child>, filter: ChildrenFilter | undefined): void {
  if (!filter) return;
  if (filter.search != null) {
    for (const word of searchWords(filter.search, 'filter.search')) {
      const pattern = containsPattern(word);
      qb.andWhere(`(${foldSql('c.first_name')} ilike ? or ${foldSql('c.last_name')} ilike ?)`, [
        ...FOLD_PARAMS,
        pattern,
        ...FOLD_PARAMS,
        pattern,
      ]);
    }
  }
  if (filter.schoolId != null) qb.andWhere({ school: filterIdOfType(filter.schoolId, 'Partner', 'filter.schoolId') });
  if (filter.grade != null) qb.andWhere({ grade: filter.grade });
  if (filter.pathwayStatus != null) qb.andWhere(`${currentPathwayStatusSql('c')} = ?`, [filter.pathwayStatus]);
  if (filter.eligible != null) qb.andWhere(filter.eligible ? ELIGIBLE_SQL : `not ${ELIGIBLE_SQL}`);
}
