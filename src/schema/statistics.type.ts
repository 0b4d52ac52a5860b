import { ArgsType, Field, Int, Float, ObjectType, registerEnumType } from 'type-graphql';
import { DIMENSIONS, StatisticsDimension, StatisticsTableName, TABLES } from '../statistics/catalogue';
import { MonthlyDetail } from '../statistics/disclosure';
import { PeriodKind } from '../statistics/periods';
import { LocalDate } from './scalars';

/**
 * The statistics as GraphQL (src/statistics/): what a BI tool reads. The descriptions of
 * tables and dimensions come from the catalogue (src/statistics/catalogue.ts), one source
 * for the schema, the CSV and docs/statistics.md.
 */

registerEnumType(StatisticsTableName, {
  name: 'StatisticsTable',
  description: 'A statistics table: a count of one kind of unit over a fixed period, by at most two of its dimensions.',
  valuesConfig: Object.fromEntries(Object.values(TABLES).map((t) => [t.name, { description: t.description }])),
});

registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'A dimension a statistics table can be broken down by (each table lists its own: statisticsCatalogue).',
  valuesConfig: Object.fromEntries(Object.values(DIMENSIONS).map((d) => [d.name, { description: d.description }])),
});

registerEnumType(PeriodKind, {
  name: 'StatisticsPeriodKind',
  description: 'The kind of a statistics period.',
  valuesConfig: {
    SCHOOL_YEAR: { description: 'A school year, 1 September to 31 August (`2025-2026`).' },
    MONTH: { description: 'A calendar month of a school year (`2025-09`).' },
  },
});

registerEnumType(MonthlyDetail, {
  name: 'StatisticsMonthlyDetail',
  description: 'How much of the months of the school year is published for this table (docs/statistics.md, "Months").',
  valuesConfig: {
    FULL: { description: 'Every number of every month: no count of the school year or of its months needed suppressing.' },
    TOTALS: { description: "Each month's total only; every other number of the months is suppressed." },
    NONE: { description: 'Nothing of the months (a month answers with every number suppressed).' },
    NOT_MONTHLY: { description: 'The table is published for school years only.' },
  },
});

@ArgsType()
export class StatisticsArgs {
  @Field(() => StatisticsTableName, { description: 'The table.' })
  table!: StatisticsTableName;

  @Field({ description: 'The period: a school year that has ended (`2025-2026`), or a month of one (`2025-09`).' })
  period!: string;

  @Field(() => [StatisticsDimension], {
    nullable: true,
    description: "At most two of the table's dimensions: the rows are then the crossing's cells and each dimension's margin. None: the total only.",
  })
  by?: StatisticsDimension[];
}

@ObjectType('StatisticsCount', { description: 'A count, or null when it is suppressed.' })
export class StatisticsCountType {
  @Field(() => Int, { nullable: true, description: 'The count; null when suppressed.' })
  count?: number | null;

  @Field({ description: 'True when the count is not published: from 1 to threshold - 1 (primary), or because it would give such a count away (secondary).' })
  suppressed!: boolean;
}

@ObjectType('StatisticsRow', { description: 'One cell of the table: a value of each asked dimension (ALL for a margin), and its count.' })
export class StatisticsRowType extends StatisticsCountType {
  @Field(() => String, { nullable: true, description: 'Value of the first asked dimension (a code of statisticsCatalogue), or ALL.' })
  value1?: string | null;

  @Field(() => String, { nullable: true, description: 'Value of the second asked dimension, or ALL; null with one dimension.' })
  value2?: string | null;

  @Field({ description: 'True for a margin row (one dimension ALL).' })
  margin!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'REFERRALS only: median days from referral to decision over the referrals of the row that were decided, when there are at least 5 and the row is published.',
  })
  medianDaysToDecision?: number | null;
}

@ObjectType('StatisticsResult', { description: 'One statistics table over one period, ready to flatten: rows of dimension values with their counts, and the total.' })
export class StatisticsResultType {
  @Field(() => StatisticsTableName, { description: 'The table.' })
  table!: StatisticsTableName;

  @Field({ description: 'What the table counts.' })
  description!: string;

  @Field({ description: 'The period (`2025-2026` or `2025-09`).' })
  period!: string;

  @Field(() => PeriodKind, { description: 'School year or month.' })
  periodKind!: PeriodKind;

  @Field(() => LocalDate, { description: 'First day of the period.' })
  firstDay!: string;

  @Field(() => LocalDate, { description: 'Last day of the period.' })
  lastDay!: string;

  @Field(() => [StatisticsDimension], { description: 'The dimensions asked, in the order of value1 and value2.' })
  dimensions!: StatisticsDimension[];

  @Field(() => Int, { description: 'The smallest count published (STATISTICS_THRESHOLD, at least 5).' })
  threshold!: number;

  @Field(() => MonthlyDetail, { description: 'How much of the months of this school year is published for this table.' })
  monthlyDetail!: MonthlyDetail;

  @Field(() => [StatisticsRowType], { description: "The crossing's cells, then each dimension's margin; empty without dimensions." })
  rows!: StatisticsRowType[];

  @Field(() => StatisticsCountType, { description: 'The total of the table (itself suppressed when small).' })
  total!: StatisticsCountType;
}

@ObjectType('StatisticsDimensionValue', { description: 'A value of a dimension.' })
export class StatisticsDimensionValueType {
  @Field({ description: 'The code rows and the CSV carry.' })
  code!: string;

  @Field({ description: 'What it means.' })
  description!: string;
}

@ObjectType('StatisticsDimensionInfo', { description: 'A dimension of a table, with its values.' })
export class StatisticsDimensionInfoType {
  @Field(() => StatisticsDimension, { description: 'The dimension.' })
  name!: StatisticsDimension;

  @Field({ description: 'What it means.' })
  description!: string;

  @Field(() => [StatisticsDimensionValueType], { description: 'Its values, in the order rows are given.' })
  values!: StatisticsDimensionValueType[];
}

@ObjectType('StatisticsTableInfo', { description: 'A statistics table: what it counts, how, and by what.' })
export class StatisticsTableInfoType {
  @Field(() => StatisticsTableName, { description: 'The table.' })
  name!: StatisticsTableName;

  @Field({ description: 'What it counts.' })
  description!: string;

  @Field({ description: 'One unit of the count.' })
  unit!: string;

  @Field({ description: 'Whether small counts are suppressed (every table of children\'s data; not the workshops).' })
  protected!: boolean;

  @Field({ description: 'Whether it is published for the months of a school year too.' })
  monthly!: boolean;

  @Field({ description: 'Whether its rows carry medianDaysToDecision.' })
  medianDaysToDecision!: boolean;

  @Field(() => [StatisticsDimensionInfoType], { description: 'Its dimensions (ask at most two at once).' })
  dimensions!: StatisticsDimensionInfoType[];

  @Field({ description: 'Its CSV, relative to the API: add `?period=...&by=...` and the same bearer token.' })
  csvPath!: string;
}

@ObjectType('StatisticsCatalogue', { description: 'Every statistics table, its dimensions and the periods that can be asked.' })
export class StatisticsCatalogueType {
  @Field(() => [StatisticsTableInfoType], { description: 'The tables.' })
  tables!: StatisticsTableInfoType[];

  @Field(() => [String], { description: 'The school years that have ended, from the first one with a referral or a pathway of the programme, newest first.' })
  schoolYears!: string[];

  @Field(() => Int, { description: 'The smallest count published.' })
  threshold!: number;
}
