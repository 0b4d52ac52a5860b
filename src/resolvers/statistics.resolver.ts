import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { viewerOf, type Context } from '../context';
import { TABLES, dimensionsOf } from '../statistics/catalogue';
import { csvPathOf } from '../statistics/csv';
import { FIRST_SCHOOL_YEAR, lastClosedSchoolYear, schoolYearPeriod } from '../statistics/periods';
import { parisDate } from '../util/dates';
import { StatisticsArgs, StatisticsCatalogueType, StatisticsResultType } from '../schema/statistics.type';
import type { StatisticsAnswer } from '../statistics/statistics';

/**
 * The statistics for BI tools and funders (issue 10). Who may read them is the policy
 * table's READ_STATISTICS, applied by the permission layer to both root fields
 * (ROOT_FIELD_READS): these resolvers hold no role check of their own. No child data
 * leaves here, so nothing is written to the access log (a CSV download is logged, EXPORT).
 */
@Resolver()
export class StatisticsResolver {
  @Query(() => StatisticsResultType, {
    nullable: true,
    description:
      'One statistics table of the programme over one period (a school year that has ended, or a month of one), by at most two of its dimensions. ' +
      'Counts from 1 to threshold - 1 are suppressed, and so is whatever would give one away (docs/statistics.md). ANALYST and PRE_COORDINATOR only. ' +
      'The same table as CSV: GET /statistics/<table>.csv?period=...&by=... (statisticsCatalogue gives each path).',
  })
  async statistics(@Args() args: StatisticsArgs, @Ctx() ctx: Context): Promise<StatisticsResultType> {
    const viewer = viewerOf(ctx);
    const answer = await ctx.statistics.answer(ctx.em, viewer.programmeId, { table: args.table, period: args.period, by: args.by ?? [] }, ctx.now);
    return resultOf(answer);
  }

  @Query(() => StatisticsCatalogueType, {
    nullable: true,
    description: 'Every statistics table with its dimensions and their values, and the school years that can be asked. ANALYST and PRE_COORDINATOR only.' })
  async statisticsCatalogue(@Ctx() ctx: Context): Promise<StatisticsCatalogueType> {
    const viewer = viewerOf(ctx);
    const [first] = await ctx.statistics.source.query<{ year: number | null }>(
      ctx.em,
      `select extract(year from (min(d) - interval '8 months'))::int as year from (
         select min(start_date) as d from pathway where programme_id = $1
         union all select min(referred_on) from referral where programme_id = $1) as firsts`,
      [viewer.programmeId],
    );
    const last = lastClosedSchoolYear(parisDate(ctx.now));
    const from = Math.max(first?.year ?? last + 1, FIRST_SCHOOL_YEAR);
    const schoolYears: string[] = [];
    for (let year = last; year >= from; year -= 1) schoolYears.push(schoolYearPeriod(year).code);
    return {
      threshold: ctx.statistics.threshold,
      schoolYears,
      tables: Object.values(TABLES).map((table) => ({
        name: table.name,
        description: table.description,
        unit: table.unit,
        protected: table.protected,
        monthly: table.monthly,
        medianDaysToDecision: Boolean(table.medianDaysToDecision),
        csvPath: csvPathOf(table),
        dimensions: dimensionsOf(table).map((d) => ({ name: d.name, description: d.description, values: [...d.values] })),
      })),
    };
  }
}

export function resultOf(answer: StatisticsAnswer): StatisticsResultType {
  return {
    table: answer.table.name,
    description: answer.table.description,
    period: answer.period.code,
    periodKind: answer.period.kind,
    firstDay: answer.period.firstDay,
    lastDay: answer.period.lastDay,
    dimensions: answer.dimensions,
    threshold: answer.threshold,
    monthlyDetail: answer.monthlyDetail,
    rows: answer.rows.map((row) => ({
      value1: row.values[0] ?? null,
      value2: row.values[1] ?? null,
      margin: row.margin,
      count: row.count,
      suppressed: row.suppressed,
      medianDaysToDecision: row.medianDaysToDecision,
    })),
    total: answer.total,
  };
}
