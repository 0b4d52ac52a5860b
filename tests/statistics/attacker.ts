import highsLoader from 'highs';
import { ALL, DIMENSIONS, Presence, StatisticsTableName, TABLES, type TableDef } from '../../src/statistics/catalogue';
import { aggregateKey, type Coord } from '../../src/statistics/disclosure';
import { monthPeriod, schoolYearPeriod } from '../../src/statistics/periods';

/**
 * The attacker of the statistics tests: it reads everything the API publishes of a
 * programme (every table, every crossing of at most two dimensions with its margins and
 * total, the school years and their months) through GraphQL, writes every published number
 * as a linear equation over the unknown counts of each table's full cube (non-negative
 * integers, one cube per period), adds what is known of how periods relate (a month's
 * events add up to the school year's; something lasting counts in the school year when it
 * counts in a month, and in some month when it counts in the school year; a state at the
 * end of the school year is the state at the end of August; the pathways open at the end of
 * a school year are those continuing into the next), and solves, for each suppressed
 * number, its smallest and largest possible value (HiGHS, integer programme).
 */

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Promise<Highs> | undefined;
const solver = () => (highs ??= highsLoader());

export interface Published {
  table: StatisticsTableName;
  schoolYear: number;
  /** 0: the school year; 1 (September) to 12: its months. */
  bucket: number;
  coords: Coord[];
  count: number | null;
}

type Query = (document: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;

/** Every choice of at most two of a table's dimensions. */
export function crossings(table: TableDef): string[][] {
  const dims = table.dimensions;
  const out: string[][] = [[]];
  for (let a = 0; a < dims.length; a += 1) {
    out.push([dims[a]]);
    for (let b = a + 1; b < dims.length; b += 1) out.push([dims[a], dims[b]]);
  }
  return out;
}

export function periodsOf(table: TableDef, schoolYear: number): { code: string; bucket: number }[] {
  const periods = [{ code: schoolYearPeriod(schoolYear).code, bucket: 0 }];
  if (table.monthly) for (let m = 1; m <= 12; m += 1) periods.push({ code: monthPeriod(schoolYear, m).code, bucket: m });
  return periods;
}

/** Reads every published number of the tables over the school years, 25 aliased fields per document. */
export async function readEverything(query: Query, tables: readonly TableDef[], schoolYears: readonly number[]): Promise<Published[]> {
  const asks: { table: TableDef; schoolYear: number; bucket: number; period: string; by: string[] }[] = [];
  for (const table of tables) {
    for (const schoolYear of schoolYears) {
      for (const { code, bucket } of periodsOf(table, schoolYear)) {
        for (const by of crossings(table)) asks.push({ table, schoolYear, bucket, period: code, by });
      }
    }
  }
  const published: Published[] = [];
  for (let start = 0; start < asks.length; start += 25) {
    const batch = asks.slice(start, start + 25);
    const fields = batch.map(
      (ask, i) => `a${i}: statistics(table: ${ask.table.name}, period: "${ask.period}", by: [${ask.by.join(', ')}]) { rows { value1 value2 count suppressed } total { count suppressed } }`,
    );
    const result = await query(`{ ${fields.join('\n')} }`, {});
    if (result.errors?.length) throw new Error(`statistics query failed: ${JSON.stringify(result.errors).slice(0, 500)}`);
    batch.forEach((ask, i) => {
      const answer = result.data![`a${i}`] as { rows: { value1: string | null; value2: string | null; count: number | null }[]; total: { count: number | null } };
      const base = { table: ask.table.name, schoolYear: ask.schoolYear, bucket: ask.bucket };
      published.push({ ...base, coords: [], count: answer.total.count });
      for (const row of answer.rows) {
        const coords: Coord[] = [];
        [row.value1, row.value2].forEach((code, position) => {
          if (code === null || code === ALL) return;
          const dimension = ask.by[position];
          const d = ask.table.dimensions.indexOf(dimension as never);
          const v = DIMENSIONS[dimension as keyof typeof DIMENSIONS].values.findIndex((value) => value.code === code);
          if (d < 0 || v < 0) throw new Error(`unknown value ${dimension}=${code}`);
          coords.push([d, v]);
        });
        published.push({ ...base, coords, count: row.count });
      }
    });
  }
  return published;
}

/**
 * Values the target takes in solutions found: the exact smallest and largest for a target
 * solved alone, else values seen on both sides of (or away from) its true value.
 */
export interface Bounds {
  min: number;
  max: number;
}

/** The linear model of one table over some school years, as an LP file; `target` is the objective. */
class Model {
  readonly sizes: number[];
  readonly tuples: number[][];
  /** name → terms (variable, coefficient), sense and right-hand side. */
  private readonly constraints = new Map<string, { terms: [string, number][]; sense: '=' | '<='; rhs: number }>();
  /** Variables every solution sets to 0 (a published zero covers them): left out of the file. */
  private readonly zero = new Set<string>();

  constructor(
    readonly table: TableDef,
    readonly schoolYears: readonly number[],
    readonly published: readonly Published[],
  ) {
    this.sizes = table.dimensions.map((d) => DIMENSIONS[d].values.length);
    let tuples: number[][] = [[]];
    for (const size of this.sizes) tuples = tuples.flatMap((t) => Array.from({ length: size }, (_, v) => [...t, v]));
    this.tuples = tuples;
    this.build();
  }

  variable(schoolYear: number, bucket: number, tuple: number): string {
    return `x_${schoolYear}_${bucket}_${tuple}`;
  }

  /** The sum of the cube's cells an aggregate counts. */
  sum(schoolYear: number, bucket: number, coords: readonly Coord[]): string[] {
    const out: string[] = [];
    this.tuples.forEach((tuple, i) => {
      if (coords.every(([d, v]) => tuple[d] === v)) out.push(this.variable(schoolYear, bucket, i));
    });
    return out;
  }

  private add(name: string, terms: [string, number][], sense: '=' | '<=', rhs: number) {
    this.constraints.set(name, { terms, sense, rhs });
  }

  /** Repeats until nothing changes: a constraint forcing non-negative terms to sum to 0 zeroes them. */
  private prune() {
    let changed = true;
    while (changed) {
      changed = false;
      for (const { terms, sense, rhs } of this.constraints.values()) {
        const live = terms.filter(([v]) => !this.zero.has(v));
        const positives = live.filter(([, c]) => c > 0);
        const negatives = live.filter(([, c]) => c < 0);
        // sum of positive terms <= / = rhs - negatives; with no negative term and rhs 0, all are 0.
        if (rhs === 0 && negatives.length === 0 && positives.length) {
          for (const [v] of positives) this.zero.add(v);
          changed = true;
        }
        if (rhs === 0 && sense === '=' && negatives.length && positives.length === 0) {
          for (const [v] of negatives) this.zero.add(v);
          changed = true;
        }
      }
    }
  }

  private build() {
    const { table } = this;
    for (const p of this.published) {
      if (p.count === null) continue;
      const key = `p_${p.schoolYear}_${p.bucket}_${aggregateKey(p.coords).replace(/[=|]/g, '_')}`;
      this.add(key, this.sum(p.schoolYear, p.bucket, p.coords).map((v) => [v, 1]), '=', p.count);
    }
    for (const year of this.schoolYears) {
      if (!table.monthly) continue;
      this.tuples.forEach((_, t) => {
        const yearly = this.variable(year, 0, t);
        const months = Array.from({ length: 12 }, (_, m) => this.variable(year, m + 1, t));
        const minusMonths = months.map((m): [string, number] => [m, -1]);
        if (table.presence === Presence.EVENT) this.add(`e_${year}_${t}`, [[yearly, 1], ...minusMonths], '=', 0);
        if (table.presence === Presence.AT_END) this.add(`s_${year}_${t}`, [[yearly, 1], [months[11], -1]], '=', 0);
        if (table.presence === Presence.SPAN) {
          months.forEach((month, m) => this.add(`l_${year}_${t}_${m}`, [[month, 1], [yearly, -1]], '<=', 0));
          this.add(`u_${year}_${t}`, [[yearly, 1], ...minusMonths], '<=', 0);
        }
      });
    }
    // The pathways open at the end of a school year are those continuing into the next one.
    if (table.name === StatisticsTableName.PATHWAYS) {
      for (let i = 0; i + 1 < this.schoolYears.length; i += 1) {
        const [before, after] = [this.schoolYears[i], this.schoolYears[i + 1]];
        if (after !== before + 1) continue;
        const openAtEnd = this.sum(before, 0, [[1, 0]]);
        const continuing = this.sum(after, 0, [[0, 0]]);
        this.add(`c_${before}`, [...continuing.map((v): [string, number] => [v, 1]), ...openAtEnd.map((v): [string, number] => [v, -1])], '=', 0);
      }
    }
    this.prune();
  }

  /** The objective's terms that can be non-zero (an empty objective is always 0). */
  live(objective: string[]): string[] {
    return objective.filter((v) => !this.zero.has(v));
  }

  lp(objective: string[], sense: 'Minimize' | 'Maximize'): string {
    const variables = new Set<string>(objective);
    const lines = [sense, ` obj: ${objective.join(' + ')}`, 'Subject To'];
    for (const [name, { terms, sense: relation, rhs }] of this.constraints) {
      const live = terms.filter(([v]) => !this.zero.has(v));
      if (!live.length) continue;
      for (const [v] of live) variables.add(v);
      const text = live.map(([v, c], i) => `${c < 0 ? '- ' : i ? '+ ' : ''}${Math.abs(c) === 1 ? '' : `${Math.abs(c)} `}${v}`).join(' ');
      lines.push(` ${name}: ${text} ${relation} ${rhs}`);
    }
    // A bound far above any count keeps every objective bounded, so that each solve gives a solution.
    lines.push('Bounds', ...[...variables].map((v) => ` ${v} <= ${CAP}`), 'General', ` ${[...variables].join(' ')}`, 'End');
    return lines.join('\n');
  }
}

export interface AttackResult {
  table: StatisticsTableName;
  schoolYear: number;
  bucket: number;
  coords: Coord[];
  trueValue: number;
  bounds: Bounds;
}

/** Larger than any count of the tests' programmes: a solution reaching it means "unbounded". */
const CAP = 100_000;

/** An optimal integer solution: the objective's value and every variable's. */
async function solve(lp: string): Promise<{ value: number; of(variable: string): number }> {
  const result = (await solver()).solve(lp, { time_limit: 30, mip_rel_gap: 0 });
  if (result.Status !== 'Optimal') throw new Error(`solver: ${result.Status}`);
  const columns = result.Columns as Record<string, { Primal: number } | undefined>;
  return { value: Math.round(result.ObjectiveValue), of: (v) => Math.round(columns[v]?.Primal ?? 0) };
}

/**
 * For each target (a suppressed number, with its true value), its bounds over everything
 * published. Only numbers whose true value is from 1 to 4 can be pinned to such a value (the
 * true cube is always a solution), so the tests give those.
 */
export async function attack(
  table: TableDef,
  schoolYears: readonly number[],
  published: readonly Published[],
  targets: readonly Omit<AttackResult, 'bounds'>[],
): Promise<AttackResult[]> {
  const model = new Model(table, schoolYears, published.filter((p) => p.table === table.name && schoolYears.includes(p.schoolYear)));
  const results: AttackResult[] = [];
  const objectives = targets.map((t) => model.live(model.sum(t.schoolYear, t.bucket, t.coords)));
  const bounds: Bounds[] = targets.map((t) => ({ min: t.trueValue, max: t.trueValue }));
  // First, a few solutions pushing every open target up, then down: each integer solution in
  // which a target differs from its true value proves it is not pinned (the true cube is
  // another solution). What is left is solved for alone: its largest, then smallest value.
  let open = targets.map((_, i) => i).filter((i) => objectives[i].length > 0);
  for (const sense of ['Maximize', 'Minimize', 'Maximize', 'Minimize'] as const) {
    if (!open.length) break;
    const solution = await solve(model.lp(open.flatMap((i) => objectives[i]), sense));
    for (const i of open) {
      const value = objectives[i].reduce((sum, v) => sum + solution.of(v), 0);
      bounds[i] = { min: Math.min(bounds[i].min, value), max: Math.max(bounds[i].max, value) };
    }
    open = open.filter((i) => bounds[i].min === bounds[i].max);
  }
  for (const i of open) {
    bounds[i] = { min: (await solve(model.lp(objectives[i], 'Minimize'))).value, max: (await solve(model.lp(objectives[i], 'Maximize'))).value };
  }
  targets.forEach((t, i) => results.push({ ...t, bounds: bounds[i] }));
  return results;
}

export const ALL_TABLES = Object.values(TABLES);
