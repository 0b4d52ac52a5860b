import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsField } from './selection';
import { Child, type Consent, type Family, type Partner, type ServiceLink } from '../entities';
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
import { assertChildVisible, childLinks, type ChildRecord } from './rows';
import { viewerOf } from '../context';
import { sql, SqlParams } from '../db/sql';
import { shapeOf, type RecordOf } from '../read/records';
import { assertCursorsKnown, encodeCursor, keysetPage, pageWindow, toPage, type Page } from './pagination';
import { ageToday, eligibilityOf, ELIGIBLE_SQL, type Eligibility } from './eligibility';
import { containsPattern, FOLD_PARAMS, foldSql, searchWords } from './search';
import { contactOf } from './contact';
import { ROLE_POLICY, ROW_RULE_LIFECYCLES } from '../permissions/policy';

const CURSOR_KIND = 'child';
/** The page's column holding totalCount. */
const TOTAL = '__totalCount';

@Resolver(() => ChildType)
export class ChildResolver {
  @Query(() => ChildType, {
    nullable: true,
    description: "One child by ID. NOT_FOUND when it does not exist or is outside the viewer's rows (indistinguishable).",
  })
  async child(@Arg('id', () => ID, { description: 'ID of the child.' }) id: string, @Ctx() ctx: Context): Promise<ChildRecord> {
    return assertChildVisible(ctx, idOfType(id, 'Child', 'id'), 'Child', id);
  }

  @Query(() => ChildConnectionType, {
    description:
      "The children in the viewer's rows, by last name, first name and id, a page at a time (keyset pagination with opaque cursors: `first`/`after` forward, `last`/`before` backward).",
  })
  async children(@Args() args: ChildrenArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Page<ChildRecord>> {
    const window = pageWindow(args, CURSOR_KIND);
    const shape = shapeOf(ctx.em, Child);
    const params = new SqlParams();
    const programmeId = viewerOf(ctx).programmeId;
    const rows = await ctx.access.rows();
    const where = childrenWhere(params, programmeId, rows, args.filter);
    // Policy, "Lifetime of the data": the files the viewer's row rule reaches.
    where.push(`c.lifecycle = any(${params.add(ROW_RULE_LIFECYCLES[ROLE_POLICY[viewerOf(ctx).role].rows])}::child_lifecycle[])`);
    const matching = `from child c where ${where.join(' and ')}`;
    const countParams = params.values.slice();
    // The cursor's row is read again among the viewer's rows (not the filter's: a child
    // that stopped matching it keeps its place), by id alone.
    const keyset = {
      columns: ['c.last_name', 'c.first_name', 'c.id'],
      descending: false,
      keyOf: (id: string) => `select k.last_name, k.first_name, k.id from child k where ${visibleChildSql(params, 'k', id, programmeId, rows)}`,
    };
    const range = keysetPage(window, keyset, (value) => params.add(value));
    // totalCount, when asked, in the page's own statement (a subquery on the same filter).
    const withCount = selectsField(info, 'totalCount');
    const count = withCount ? `, (select count(*) ${matching}) as "${TOTAL}"` : '';
    const raws = await sql<Record<string, unknown>>(
      ctx.em,
      `select ${shape.select('c')}${count} from child c where ${[...where, ...range.where].join(' and ')}
        order by ${range.orderBy} limit ${params.add(window.size + 1)}`,
      params.values,
    );
    const total = raws.length > 0 && withCount ? Number(raws[0]![TOTAL]) : undefined;
    const records = raws.map((row) => {
      delete row[TOTAL];
      return shape.build(row);
    });
    if (records.length === 0) {
      await assertCursorsKnown(window, async (id) => {
        const known = new SqlParams();
        const where = visibleChildSql(known, 'k', `${known.add(id)}::uuid`, programmeId, rows);
        return (await sql(ctx.em, `select 1 from child k where ${where}`, known.values)).length > 0;
      });
    }
    const countAlone = async () => Number((await sql<{ n: string }>(ctx.em, `select count(*) as n ${matching}`, countParams))[0]!.n);
    // An empty page has no row to carry the count: only then is it a statement of its own.
    return toPage(records, window, (child) => encodeCursor(CURSOR_KIND, child.id), () => (total !== undefined ? Promise.resolve(total) : countAlone()));
  }

  @FieldResolver()
  age(@Root() child: ChildRecord, @Ctx() ctx: Context): number {
    return ageToday(ctx, child);
  }

  @FieldResolver()
  async school(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return child.schoolId ? ctx.loaders.partnerById.load(child.schoolId) : null;
  }

  @FieldResolver(() => EligibilityType)
  eligibility(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<Eligibility> {
    return eligibilityOf(ctx, child);
  }

  @FieldResolver(() => FamilyType)
  async family(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<RecordOf<Family>> {
    return familyOf(ctx, child);
  }

  // The category blocks. The permission layer guards exactly these fields (and
  // serviceLinks, consents below); each returns a value carrying `childId`.

  @FieldResolver()
  async contact(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<ContactSource> {
    const household = await ctx.loaders.householdByFamily.load(child.familyId);
    if (!household) throw new Error(`child ${child.id}: family ${child.familyId} not found`);
    return contactOf(household.family, child.id);
  }

  @FieldResolver()
  schooling(@Root() child: ChildRecord): SchoolingSource {
    return {
      childId: child.id,
      attendanceConcern: child.attendanceConcern,
      hasPps: child.hasPps,
      aeshHours: child.aeshHours == null ? null : Number(child.aeshHours),
      arrangements: child.schoolingArrangements ?? null,
    };
  }

  @FieldResolver()
  async social(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<SocialSource> {
    const family = await familyOf(ctx, child);
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
  health(@Root() child: ChildRecord): HealthSource {
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
  async inclusion(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<InclusionSource> {
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
  async pathway(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<PathwayBlockSource> {
    const pathway = await ctx.loaders.currentPathwayByChild.load(child.id);
    return {
      childId: child.id,
      pathway,
      status: pathway?.status ?? null,
      startDate: pathway?.startDate ?? null,
      endDate: pathway?.endDate ?? null,
      closureReason: pathway?.closureReason ?? null,
      closureKind: pathway?.closureKind ?? null,
    };
  }

  @FieldResolver()
  serviceLinks(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<RecordOf<ServiceLink>[]> {
    return childLinks(ctx, child.id);
  }

  @FieldResolver()
  consents(@Root() child: ChildRecord, @Ctx() ctx: Context): Promise<RecordOf<Consent>[]> {
    return ctx.loaders.consentsByChild.load(child.id);
  }
}

async function familyOf(ctx: Context, child: ChildRecord): Promise<RecordOf<Family>> {
  const family = await ctx.loaders.familyById.load(child.familyId);
  if (!family) throw new Error(`child ${child.id}: family ${child.familyId} not found`);
  return family;
}

/** The child `alias` whose id is `idSql`, when it is in the viewer's programme and rows. */
function visibleChildSql(params: SqlParams, alias: string, idSql: string, programmeId: string, rows: 'ALL' | string[]): string {
  const where = [`${alias}.id = ${idSql}`, `${alias}.programme_id = ${params.add(programmeId)}`];
  if (rows !== 'ALL') where.push(`${alias}.id = any(${params.add(rows)}::uuid[])`);
  return where.join(' and ');
}

/** The conditions of `children` on the child aliased `c`: programme, rows, then the filter. */
function childrenWhere(params: SqlParams, programmeId: string, rows: 'ALL' | string[], filter: ChildrenFilter | undefined): string[] {
  const where = [`c.programme_id = ${params.add(programmeId)}`];
  if (rows !== 'ALL') where.push(`c.id = any(${params.add(rows)}::uuid[])`);
  if (!filter) return where;
  if (filter.search != null) {
    for (const word of searchWords(filter.search, 'filter.search')) {
      const pattern = params.add(containsPattern(word));
      const [from, to] = FOLD_PARAMS.map((value) => params.add(value));
      where.push(`(${foldSql('c.first_name', from, to)} ilike ${pattern} or ${foldSql('c.last_name', from, to)} ilike ${pattern})`);
    }
  }
  if (filter.schoolId != null) where.push(`c.school_id = ${params.add(filterIdOfType(filter.schoolId, 'Partner', 'filter.schoolId'))}::uuid`);
  if (filter.grade != null) where.push(`c.grade = ${params.add(filter.grade)}`);
  if (filter.pathwayStatus != null) where.push(`${currentPathwayStatusSql('c')} = ${params.add(filter.pathwayStatus)}`);
  if (filter.eligible != null) where.push(filter.eligible ? ELIGIBLE_SQL : `not ${ELIGIBLE_SQL}`);
  return where;
}
