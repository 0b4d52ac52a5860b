import { TABLES } from '../../src/statistics/catalogue';
import {
  ANY_CHANGE,
  MonthlyDetail,
  aggregateKey,
  aggregates,
  coordsOf,
  isSmall,
  keysOfTuple,
  protect,
  protectSchoolYear,
  type ChangeRules,
  type Cube,
  type Protection,
} from '../../src/statistics/disclosure';
import { changeRules } from '../../src/statistics/statistics';
import { attack, type Published } from './attacker';

/** The disclosure control on cubes written by hand (no database): the method's own properties. */

const cube = (sizes: number[], cells: Record<string, number>): Cube => ({ sizes, counts: new Map(Object.entries(cells)) });

/** Applies a witness to the published numbers: every number it changes must be suppressed. */
function onlySuppressedChange(protection: Protection): boolean {
  for (const [, witness] of protection.witnesses) if (!witness.changes.every((key) => protection.suppressed.has(key))) return false;
  return true;
}

test('a cell from 1 to 4 is suppressed, with a witness that changes only suppressed numbers', () => {
  // 2 x 2 with margins: one small cell needs its whole rectangle.
  const c = cube([2, 2], { '0,0': 3, '0,1': 20, '1,0': 30, '1,1': 40 });
  const p = protect(c, 5);
  expect([...p.primary]).toEqual([aggregateKey([[0, 0], [1, 0]])]);
  expect(p.suppressed).toEqual(new Set(['0=0|1=0', '0=0|1=1', '0=1|1=0', '0=1|1=1']));
  expect(onlySuppressedChange(p)).toBe(true);
  expect(p.values.get('')).toBe(93);
  expect(p.suppressed.has('')).toBe(false);
});

test('a small margin is protected by a move within the crossings of its dimension', () => {
  const c = cube([3, 2], { '0,0': 2, '0,1': 1, '1,0': 30, '1,1': 25, '2,0': 12, '2,1': 9 });
  const p = protect(c, 5);
  expect(p.primary.has('0=0')).toBe(true);
  expect(p.suppressed.has('0=0')).toBe(true);
  expect(onlySuppressedChange(p)).toBe(true);
  // Its partner margin goes too, or the small one would be the total minus the others.
  expect([...p.suppressed].filter((k) => /^0=\d$/.test(k)).length).toBeGreaterThanOrEqual(2);
});

test('the same cube gives the same suppressions, whatever the order of its cells', () => {
  const cells: [string, number][] = [['0,0,0', 3], ['0,1,1', 7], ['1,0,1', 2], ['1,1,0', 12], ['2,1,1', 1], ['2,0,0', 9], ['1,1,1', 4]];
  const a = protect({ sizes: [3, 2, 2], counts: new Map(cells) }, 5);
  const b = protect({ sizes: [3, 2, 2], counts: new Map([...cells].reverse()) }, 5);
  expect([...b.suppressed].sort()).toEqual([...a.suppressed].sort());
});

test('a total from 1 to 4 suppresses everything it holds', () => {
  const p = protect(cube([2, 3], { '0,1': 2, '1,2': 1 }), 5);
  expect(p.suppressed.has('')).toBe(true);
  for (const key of [...keysOfTuple([0, 1]), ...keysOfTuple([1, 2])]) expect(p.suppressed.has(key)).toBe(true);
});

test('a table that may not move its margins and has no witness is suppressed whole', () => {
  const frozen: ChangeRules = { mayMove: () => false, mayAdd: () => false };
  const p = protect(cube([2], { '0': 3, '1': 40 }), 5, frozen);
  expect(p.whole).toBe(true);
  expect(p.suppressed.size).toBe(p.values.size);
});

test('the threshold is the smallest published count', () => {
  const c = cube([2, 2], { '0,0': 6, '0,1': 20, '1,0': 30, '1,1': 40 });
  expect(protect(c, 5).suppressed.size).toBe(0);
  expect(protect(c, 10).primary.has('0=0|1=0')).toBe(true);
});

describe('months', () => {
  const year = cube([2], { '0': 30, '1': 12 });
  const clean = Array.from({ length: 12 }, (_, m) => cube([2], m < 6 ? { '0': 5, '1': 2 * (m % 2) * 3 } : {}));

  test('published whole when no number of the school year or of any month is small', () => {
    const y = cube([2], { '0': 30, '1': 18 });
    const result = protectSchoolYear(y, clean, { threshold: 5, protected: true, monthly: true });
    expect(result.monthly).toBe(MonthlyDetail.FULL);
    expect(result.months.every((m) => m.suppressed.size === 0)).toBe(true);
  });

  test('totals only when a month has a small cell but every month total passes', () => {
    const months = clean.map((m, i) => (i === 0 ? cube([2], { '0': 5, '1': 3 }) : m));
    const result = protectSchoolYear(year, months, { threshold: 5, protected: true, monthly: true });
    expect(result.monthly).toBe(MonthlyDetail.TOTALS);
    expect(result.months[0].suppressed.has('')).toBe(false);
    expect(result.months[0].suppressed.has('0=1')).toBe(true);
    // A month without any unit says its zeros.
    expect(result.months[11].suppressed.size).toBe(0);
  });

  test('nothing of the months when a month total is small', () => {
    const months = clean.map((m, i) => (i === 0 ? cube([2], { '0': 3 }) : m));
    const result = protectSchoolYear(year, months, { threshold: 5, protected: true, monthly: true });
    expect(result.monthly).toBe(MonthlyDetail.NONE);
    expect(result.months.every((m) => m.suppressed.size === m.values.size)).toBe(true);
  });

  test('a table without child data is never suppressed', () => {
    const result = protectSchoolYear(cube([], { '': 2 }), [cube([], { '': 2 }), ...clean.slice(1).map(() => cube([], {}))], { threshold: 5, protected: false, monthly: true });
    expect(result.year.suppressed.size).toBe(0);
    expect(result.year.values.get('')).toBe(2);
  });
});

/**
 * PATHWAYS: the pathways open at the end of a school year are those continuing into the
 * next one. A witness moving a pathway between "opened before" and "opened during", or in
 * and out of "active at the end", would change a number the other school year publishes:
 * the table's rules forbid those, and the attacker, who knows the identity, shows why.
 */
describe('pathways across school years', () => {
  const table = TABLES.PATHWAYS;
  // Opening: 0 before, 1 during; outcome: 0 active at end, 1..6 closed by kind.
  // 2024: 20 pathways still open at the end, 2 closed with their objectives met (small), 30 closed
  // for each other kind. 2025: the 20 continue (12 still open, 8 closed), 25 more opened.
  const y2024 = cube([2, 7], { '1,0': 20, '1,1': 2, '1,2': 30, '1,3': 30, '1,4': 30, '1,5': 30, '1,6': 30 });
  const y2025 = cube([2, 7], { '0,0': 12, '0,2': 8, '1,0': 15, '1,1': 10 });

  function publication(rules: ChangeRules): { published: Published[]; targets: { table: typeof table.name; schoolYear: number; bucket: number; coords: ReturnType<typeof coordsOf>; trueValue: number }[] } {
    const published: Published[] = [];
    const targets: { table: typeof table.name; schoolYear: number; bucket: number; coords: ReturnType<typeof coordsOf>; trueValue: number }[] = [];
    for (const [schoolYear, c] of [[2024, y2024], [2025, y2025]] as const) {
      const p = protect(c, 5, rules);
      for (const [key, value] of aggregates(c)) {
        const suppressed = p.suppressed.has(key);
        published.push({ table: table.name, schoolYear, bucket: 0, coords: coordsOf(key), count: suppressed ? null : value });
        if (suppressed && isSmall(value, 5)) targets.push({ table: table.name, schoolYear, bucket: 0, coords: coordsOf(key), trueValue: value });
      }
    }
    return { published, targets };
  }

  test('with the table\'s rules, nothing small can be pinned, though the identity is known', async () => {
    const { published, targets } = publication(changeRules(table) ?? ANY_CHANGE);
    expect(targets.length).toBeGreaterThan(0);
    const results = await attack(table, [2024, 2025], published, targets);
    expect(results.filter((r) => r.bounds.min === r.bounds.max)).toEqual([]);
  });

  test('with any change allowed, the attacker pins a small number through the identity', async () => {
    const { published, targets } = publication(ANY_CHANGE);
    const results = await attack(table, [2024, 2025], published, targets);
    expect(results.filter((r) => r.bounds.min === r.bounds.max && isSmall(r.bounds.min, 5)).length).toBeGreaterThan(0);
  });
});
