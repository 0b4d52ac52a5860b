import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput } from '../errors';
import { ALL, DIMENSIONS, StatisticsDimension, dimensionsOf, type TableDef } from './catalogue';
import type { StatisticsSource } from './connection';
import { cubeStatement, cubesFromRows, tableDef, type CubeRow, type SchoolYearCubes } from './cube';
import { FROZEN_ROWS_SQL } from './freeze';
import { MonthlyDetail, aggregateKey, protectSchoolYear, type ChangeRules, type Coord, type SchoolYearProtection } from './disclosure';
import { PeriodKind, parsePeriod, type Period } from './periods';

/**
 * One statistics table as a client asks for it (GraphQL `statistics`, CSV
 * `/statistics/<table>.csv`): the table, a period, at most two of its dimensions. The whole
 * school year is protected at once (src/statistics/disclosure.ts) and the answer is read
 * from that protection, so that every request gives the same number for the same cell.
 */

export interface StatisticsRequest {
  table: string;
  period: string;
  by: readonly string[];
}

export interface ProtectedSchoolYear {
  protection: SchoolYearProtection;
  delays: SchoolYearCubes['delays'];
}

export interface StatisticsCell {
  /** Null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export interface StatisticsRow extends StatisticsCell {
  /** The value of each asked dimension, in the order asked; ALL for a margin. */
  values: string[];
  margin: boolean;
  /** REFERRALS: median days from referral to decision, where at least 5 of the row's referrals were decided. */
  medianDaysToDecision: number | null;
}

export interface StatisticsAnswer {
  table: TableDef;
  period: Period;
  dimensions: StatisticsDimension[];
  threshold: number;
  monthlyDetail: MonthlyDetail;
  rows: StatisticsRow[];
  total: StatisticsCell;
}

/** Medians are published only over at least this many decided referrals. */
export const MEDIAN_MIN_REFERRALS = 5;

/** The witnesses a table allows (catalogue `fixedMargins`), in the cube's indices. */
export function changeRules(table: TableDef): ChangeRules | undefined {
  const fixed = table.fixedMargins;
  if (!fixed) return undefined;
  const dims = dimensionsOf(table);
  return {
    mayMove: (d, from, to) => fixed.mayMove(dims[d].name, dims[d].values[from].code, dims[d].values[to].code),
    mayAdd: (tuple) => fixed.mayAdd(tuple.map((v, d) => dims[d].values[v].code)),
  };
}

function checkDimensions(table: TableDef, by: readonly string[]): StatisticsDimension[] {
  if (by.length > 2) throw new BadUserInput('by', 'at most two dimensions', { reason: 'TOO_MANY_DIMENSIONS' });
  const chosen: StatisticsDimension[] = [];
  for (const name of by) {
    const dimension = name as StatisticsDimension;
    if (!table.dimensions.includes(dimension)) {
      const allowed = table.dimensions.length ? table.dimensions.join(', ') : 'none';
      throw new BadUserInput('by', `${table.name} has no dimension ${name} (its dimensions: ${allowed})`, { reason: 'UNKNOWN_DIMENSION' });
    }
    if (chosen.includes(dimension)) throw new BadUserInput('by', `${name} is asked twice`, { reason: 'DUPLICATE_DIMENSION' });
    chosen.push(dimension);
  }
  return chosen;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export class Statistics {
  constructor(
    readonly source: StatisticsSource,
    readonly threshold: number,
  ) {}

  /** Checks a request (BAD_USER_INPUT naming the argument) before anything is read. */
  check(request: StatisticsRequest, now: Date): { table: TableDef; period: Period; dimensions: StatisticsDimension[] } {
    const table = tableDef(request.table);
    const period = parsePeriod(request.period, now);
    if (period.kind === PeriodKind.MONTH && !table.monthly) {
      throw new BadUserInput('period', `${table.name} is published for school years only`, { reason: 'SCHOOL_YEARS_ONLY' });
    }
    return { table, period, dimensions: checkDimensions(table, request.by) };
  }

  /** One request's protected school years (a document may ask for many cells of one table): per entity manager fork. */
  private readonly perRequest = new WeakMap<EntityManager, Map<string, Promise<ProtectedSchoolYear>>>();

  /** A table's school year and months, protected together; every aggregate of every period. */
  schoolYear(em: EntityManager, programmeId: string, table: TableDef, schoolYear: number): Promise<ProtectedSchoolYear> {
    let memo = this.perRequest.get(em);
    if (!memo) this.perRequest.set(em, (memo = new Map()));
    const key = `${programmeId}|${table.name}|${schoolYear}`;
    let protectedYear = memo.get(key);
    if (!protectedYear) memo.set(key, (protectedYear = this.computeSchoolYear(em, programmeId, table, schoolYear)));
    return protectedYear;
  }

  private async computeSchoolYear(em: EntityManager, programmeId: string, table: TableDef, schoolYear: number): Promise<ProtectedSchoolYear> {
    // A school year the daily run froze is read as it was then (src/statistics/freeze.ts).
    const [frozen] = await this.source.query<{ rows: CubeRow[] }>(em, FROZEN_ROWS_SQL, [programmeId, table.name, schoolYear]);
    const rows = frozen?.rows ?? (await this.source.query<CubeRow>(em, cubeStatement(table), [programmeId, `${schoolYear}-09-01`]));
    const { cubes, delays } = cubesFromRows(table, rows);
    const protection = protectSchoolYear(cubes[0], cubes.slice(1), {
      threshold: this.threshold,
      rules: changeRules(table),
      protected: table.protected,
      monthly: table.monthly,
    });
    return { protection, delays };
  }

  async answer(em: EntityManager, programmeId: string, request: StatisticsRequest, now: Date): Promise<StatisticsAnswer> {
    const { table, period, dimensions } = this.check(request, now);
    const { protection, delays } = await this.schoolYear(em, programmeId, table, period.schoolYear);
    const published = period.bucket === 0 ? protection.year : protection.months[period.bucket - 1];
    const indices = dimensions.map((d) => table.dimensions.indexOf(d));
    const bucketDelays = delays[period.bucket];
    const cell = (coords: Coord[]): StatisticsCell & { medianDaysToDecision: number | null } => {
      const key = aggregateKey(coords);
      const suppressed = published.suppressed.has(key);
      let medianDays: number | null = null;
      if (table.medianDaysToDecision && !suppressed) {
        const decided: number[] = [];
        for (const [tuple, list] of bucketDelays) {
          const values = tuple.split(',').map(Number);
          if (coords.every(([d, v]) => values[d] === v)) decided.push(...list);
        }
        if (decided.length >= MEDIAN_MIN_REFERRALS) medianDays = median(decided);
      }
      return { count: suppressed ? null : (published.values.get(key) ?? 0), suppressed, medianDaysToDecision: medianDays };
    };
    return {
      table,
      period,
      dimensions,
      threshold: this.threshold,
      monthlyDetail: protection.monthly,
      rows: answerRows(table, indices, cell),
      total: (({ count, suppressed }) => ({ count, suppressed }))(cell([])),
    };
  }
}

/** The crossing's cells, then each dimension's margin (the other dimension ALL). */
function answerRows(
  table: TableDef,
  indices: number[],
  cell: (coords: Coord[]) => StatisticsCell & { medianDaysToDecision: number | null },
): StatisticsRow[] {
  const codes = (d: number) => DIMENSIONS[table.dimensions[d]].values.map((v) => v.code);
  const rows: StatisticsRow[] = [];
  if (indices.length === 1) {
    const [a] = indices;
    codes(a).forEach((code, v) => rows.push({ values: [code], margin: false, ...cell([[a, v]]) }));
  } else if (indices.length === 2) {
    const [a, b] = indices;
    codes(a).forEach((codeA, v) => codes(b).forEach((codeB, w) => rows.push({ values: [codeA, codeB], margin: false, ...cell([[a, v], [b, w]]) })));
    codes(a).forEach((code, v) => rows.push({ values: [code, ALL], margin: true, ...cell([[a, v]]) }));
    codes(b).forEach((code, w) => rows.push({ values: [ALL, code], margin: true, ...cell([[b, w]]) }));
  }
  return rows;
}
