/**
 * Disclosure control of the statistics (docs/statistics.md is the method, its reason and
 * the proof sketch; this file is the method).
 *
 * A table of one period is a cube: the count of units for every combination of the
 * values of all its dimensions. What is published of it are its *aggregates*: every sum of
 * the cube over all but at most two dimensions (the total, each one-dimension margin, each
 * two-dimension crossing), and the same for the months of a school year when they pass.
 *
 * Primary suppression: no aggregate from 1 to threshold - 1 is published.
 * Secondary suppression: for every primary aggregate, a *witness* is chosen: a change of
 * the cube by one unit (two units swapping a value, one unit moving to another value, or one
 * unit added) that is possible (never makes a count negative), that changes that aggregate,
 * and that changes nothing but suppressed aggregates. The aggregates the witness changes
 * are suppressed too. Then two cubes, the true one and the changed one, agree on every
 * published number and differ on the primary aggregate: nobody can pin it from what is
 * published, whatever equations they write. Secondary aggregates are 0 or at least the
 * threshold: pinning them reveals no small count.
 *
 * Deterministic: the same cube always gives the same suppressions (candidates are tried
 * in a fixed order and the cheapest wins, ties to the first).
 */

/** The counts of a cube: `"i,j,k"` (the value index of each dimension) → count; absent = 0. */
export interface Cube {
  sizes: readonly number[];
  counts: ReadonlyMap<string, number>;
}

/** One coordinate of an aggregate: dimension index, value index. */
export type Coord = readonly [dimension: number, value: number];

/** Which single changes a table allows (src/statistics/catalogue.ts, `fixedMargins`). */
export interface ChangeRules {
  mayMove(dimension: number, from: number, to: number): boolean;
  /** Whether a unit with these values may be added (or taken away). */
  mayAdd(tuple: readonly number[]): boolean;
}

export const ANY_CHANGE: ChangeRules = { mayMove: () => true, mayAdd: () => true };

export enum WitnessKind {
  /** Two units with the same other values swap their values of one dimension. */
  SWAP = 'SWAP',
  /** One unit takes another value of one dimension. */
  MOVE = 'MOVE',
  /** One unit more (or less). */
  ADD = 'ADD',
}

export interface Witness {
  kind: WitnessKind;
  /** The aggregates the change alters (all suppressed). */
  changes: string[];
}

export interface Protection {
  /** Every aggregate's true value, suppressed or not. */
  values: Map<string, number>;
  suppressed: Set<string>;
  primary: Set<string>;
  witnesses: Map<string, Witness>;
  /** No witness could be found for a primary aggregate: everything is suppressed. */
  whole: boolean;
}

/** `""` for the total, `"d=v"` for a margin, `"d=v|e=w"` (d < e) for a crossing cell. */
export function aggregateKey(coords: readonly Coord[]): string {
  return [...coords]
    .sort((x, y) => x[0] - y[0])
    .map(([d, v]) => `${d}=${v}`)
    .join('|');
}

export function coordsOf(key: string): Coord[] {
  if (key === '') return [];
  return key.split('|').map((part) => {
    const [d, v] = part.split('=');
    return [Number(d), Number(v)] as const;
  });
}

const tupleKey = (tuple: readonly number[]) => tuple.join(',');
const parseTuple = (key: string) => (key === '' ? [] : key.split(',').map(Number));

/** Every tuple of the cube's product, in index order. */
function allTuples(sizes: readonly number[]): number[][] {
  let tuples: number[][] = [[]];
  for (const size of sizes) {
    const next: number[][] = [];
    for (const tuple of tuples) for (let v = 0; v < size; v += 1) next.push([...tuple, v]);
    tuples = next;
  }
  return tuples;
}

/** The aggregates a unit of this tuple counts in. */
export function keysOfTuple(tuple: readonly number[]): string[] {
  const keys = [''];
  for (let d = 0; d < tuple.length; d += 1) keys.push(`${d}=${tuple[d]}`);
  for (let d = 0; d < tuple.length; d += 1) {
    for (let e = d + 1; e < tuple.length; e += 1) keys.push(`${d}=${tuple[d]}|${e}=${tuple[e]}`);
  }
  return keys;
}

/** Every aggregate key of a cube of these sizes (zeros included), in a fixed order. */
export function allAggregateKeys(sizes: readonly number[]): string[] {
  const keys = [''];
  sizes.forEach((size, d) => {
    for (let v = 0; v < size; v += 1) keys.push(`${d}=${v}`);
  });
  for (let d = 0; d < sizes.length; d += 1) {
    for (let e = d + 1; e < sizes.length; e += 1) {
      for (let v = 0; v < sizes[d]; v += 1) for (let w = 0; w < sizes[e]; w += 1) keys.push(`${d}=${v}|${e}=${w}`);
    }
  }
  return keys;
}

/** The value of every aggregate of the cube. */
export function aggregates(cube: Cube): Map<string, number> {
  const values = new Map<string, number>(allAggregateKeys(cube.sizes).map((key) => [key, 0]));
  for (const [key, n] of cube.counts) {
    if (n === 0) continue;
    for (const aggregate of keysOfTuple(parseTuple(key))) values.set(aggregate, (values.get(aggregate) ?? 0) + n);
  }
  return values;
}

export function isSmall(value: number, threshold: number): boolean {
  return value >= 1 && value < threshold;
}

function primaries(values: Map<string, number>, threshold: number): Set<string> {
  return new Set([...values].filter(([, n]) => isSmall(n, threshold)).map(([key]) => key));
}

function pairKey(d: number, v: number, e: number, w: number): string {
  return d < e ? `${d}=${v}|${e}=${w}` : `${e}=${w}|${d}=${v}`;
}

/** What moving one unit of `tuple` to value `to` of dimension `d` changes. */
function moveChanges(tuple: readonly number[], d: number, to: number): string[] {
  const changes = [`${d}=${tuple[d]}`, `${d}=${to}`];
  for (let x = 0; x < tuple.length; x += 1) {
    if (x === d) continue;
    changes.push(pairKey(d, tuple[d], x, tuple[x]), pairKey(d, to, x, tuple[x]));
  }
  return changes;
}

/** The cube's units grouped by their values of (a, b): `"i,j"` → the set of their other values. */
function slicesOf(cube: Cube, a: number, b: number): Map<string, Set<string>> {
  const slices = new Map<string, Set<string>>();
  for (const [key, n] of cube.counts) {
    if (n < 1) continue;
    const tuple = parseTuple(key);
    const rest = tuple.filter((_, d) => d !== a && d !== b).join(',');
    const cell = `${tuple[a]},${tuple[b]}`;
    let set = slices.get(cell);
    if (!set) slices.set(cell, (set = new Set()));
    set.add(rest);
  }
  return slices;
}

function meet(x: Set<string> | undefined, y: Set<string> | undefined): boolean {
  if (!x || !y) return false;
  for (const item of x) if (y.has(item)) return true;
  return false;
}

/** What the witness search reads of a cube, computed once. */
interface CubeIndex {
  cube: Cube;
  /** The tuples with at least one unit, in a fixed order. */
  units: number[][];
  tuples: number[][];
  slices: Map<string, Map<string, Set<string>>>;
}

function indexOf(cube: Cube): CubeIndex {
  const units = [...cube.counts]
    .filter(([, n]) => n >= 1)
    .map(([key]) => parseTuple(key))
    .sort((x, y) => tupleKey(x).localeCompare(tupleKey(y)));
  return { cube, units, tuples: allTuples(cube.sizes), slices: new Map() };
}

function slicesFor(index: CubeIndex, a: number, b: number): Map<string, Set<string>> {
  const key = `${a},${b}`;
  let slices = index.slices.get(key);
  if (!slices) index.slices.set(key, (slices = slicesOf(index.cube, a, b)));
  return slices;
}

/** The possible one-unit changes of the cube that alter aggregate `target`, in a fixed order. */
function* witnessesFor(target: string, index: CubeIndex, rules: ChangeRules): Generator<Witness> {
  const coords = coordsOf(target);
  const { units } = index;
  const { sizes } = index.cube;
  // Swaps keep every aggregate but the crossing's four cells.
  if (coords.length === 2) {
    const [[a, i], [b, j]] = coords;
    const slices = slicesFor(index, a, b);
    for (let i2 = 0; i2 < sizes[a]; i2 += 1) {
      if (i2 === i) continue;
      for (let j2 = 0; j2 < sizes[b]; j2 += 1) {
        if (j2 === j) continue;
        const possible =
          meet(slices.get(`${i},${j}`), slices.get(`${i2},${j2}`)) || meet(slices.get(`${i},${j2}`), slices.get(`${i2},${j}`));
        if (possible) {
          yield { kind: WitnessKind.SWAP, changes: [pairKey(a, i, b, j), pairKey(a, i, b, j2), pairKey(a, i2, b, j), pairKey(a, i2, b, j2)] };
        }
      }
    }
  }
  // Moves of one existing unit, out of the target or into it.
  for (const [d, value] of coords) {
    const other = coords.find(([x]) => x !== d);
    for (const tuple of units) {
      if (other && tuple[other[0]] !== other[1]) continue;
      if (tuple[d] === value) {
        for (let to = 0; to < sizes[d]; to += 1) {
          if (to !== value && rules.mayMove(d, value, to)) yield { kind: WitnessKind.MOVE, changes: moveChanges(tuple, d, to) };
        }
      } else if (rules.mayMove(d, tuple[d], value)) {
        yield { kind: WitnessKind.MOVE, changes: moveChanges(tuple, d, value) };
      }
    }
  }
  // One unit more, anywhere the target counts (or one less, where there is one).
  for (const tuple of index.tuples) {
    if (coords.every(([d, v]) => tuple[d] === v) && rules.mayAdd(tuple)) yield { kind: WitnessKind.ADD, changes: keysOfTuple(tuple) };
  }
}

/** Suppressed aggregates of a cube whose primaries are protected by witnesses (see the file comment). */
export function protect(cube: Cube, threshold: number, rules: ChangeRules = ANY_CHANGE): Protection {
  const values = aggregates(cube);
  const primary = primaries(values, threshold);
  const suppressed = new Set(primary);
  const witnesses = new Map<string, Witness>();
  const index = indexOf(cube);
  // Crossing cells first (a swap is the cheapest witness), then margins, then the total.
  const order = [...primary].sort((x, y) => coordsOf(y).length - coordsOf(x).length || x.localeCompare(y));
  for (const target of order) {
    let best: Witness | undefined;
    let bestCost = Infinity;
    for (const witness of witnessesFor(target, index, rules)) {
      let cost = 0;
      // A change listed twice (a move within a crossing of the same values) costs once.
      const counted = new Set<string>();
      for (const key of witness.changes) {
        if (suppressed.has(key) || counted.has(key)) continue;
        counted.add(key);
        cost += (values.get(key) ?? 0) + 1;
        if (cost >= bestCost) break;
      }
      if (cost < bestCost) {
        best = witness;
        bestCost = cost;
        if (cost === 0) break;
      }
    }
    if (!best) {
      // Only a table that forbids some changes can get here (PATHWAYS): publish none of it.
      return { values, suppressed: new Set(values.keys()), primary, witnesses, whole: true };
    }
    witnesses.set(target, { ...best, changes: [...new Set(best.changes)] });
    for (const key of best.changes) suppressed.add(key);
  }
  return { values, suppressed, primary, witnesses, whole: false };
}

/** How much of a school year's months is published (docs/statistics.md, "Months"). */
export enum MonthlyDetail {
  /** Every number of every month: none of them needed suppressing, nor the school year's. */
  FULL = 'FULL',
  /** Each month's total only: every month's total passes. */
  TOTALS = 'TOTALS',
  /** Nothing of the months. */
  NONE = 'NONE',
  /** The table is published for school years only. */
  NOT_MONTHLY = 'NOT_MONTHLY',
}

export interface SchoolYearProtection {
  year: Protection;
  monthly: MonthlyDetail;
  /** Index 0 is September. Empty for a table published for school years only. */
  months: Protection[];
}

function published(values: Map<string, number>, suppressed: Set<string>): Protection {
  return { values, suppressed, primary: new Set(), witnesses: new Map(), whole: false };
}

/**
 * The school year and its twelve months, protected together: the months are published
 * whole only when no number of any of them, nor of the school year, is small; their totals
 * alone when every month's total passes (the year's witnesses then keep every month's
 * total: they change a unit's values, never its dates); otherwise nothing of them.
 */
export function protectSchoolYear(
  year: Cube,
  months: readonly Cube[],
  options: { threshold: number; rules?: ChangeRules; protected: boolean; monthly: boolean },
): SchoolYearProtection {
  const { threshold } = options;
  const rules = options.rules ?? ANY_CHANGE;
  const monthValues = months.map(aggregates);
  if (!options.protected) {
    return { year: published(aggregates(year), new Set()), monthly: MonthlyDetail.FULL, months: monthValues.map((v) => published(v, new Set())) };
  }
  if (!options.monthly) return { year: protect(year, threshold, rules), monthly: MonthlyDetail.NOT_MONTHLY, months: [] };
  const yearValues = aggregates(year);
  if (primaries(yearValues, threshold).size === 0 && monthValues.every((v) => primaries(v, threshold).size === 0)) {
    return { year: published(yearValues, new Set()), monthly: MonthlyDetail.FULL, months: monthValues.map((v) => published(v, new Set())) };
  }
  const everything = (values: Map<string, number>) => new Set(values.keys());
  if (monthValues.every((v) => !isSmall(v.get('') ?? 0, threshold))) {
    return {
      year: protect(year, threshold, { mayMove: rules.mayMove, mayAdd: () => false }),
      monthly: MonthlyDetail.TOTALS,
      // A month with no unit at all publishes its zeros: its total already says them.
      months: monthValues.map((v) => published(v, (v.get('') ?? 0) === 0 ? new Set() : new Set([...v.keys()].filter((k) => k !== '')))),
    };
  }
  return { year: protect(year, threshold, rules), monthly: MonthlyDetail.NONE, months: monthValues.map((v) => published(v, everything(v))) };
}
