import { ageOn, parisDate } from '../src/util/dates';

/** The date in France of an instant; the one-entry cache must never answer another instant's. */
describe('parisDate', () => {
  it("gives each instant its own day in Paris, asked again and in turn", () => {
    const beforeMidnight = new Date('2026-12-04T22:59:59Z'); // 23:59:59 in Paris (UTC+1)
    const afterMidnight = new Date('2026-12-04T23:00:00Z'); // 00:00 on the 5th
    for (let i = 0; i < 3; i++) {
      expect(parisDate(beforeMidnight)).toBe('2026-12-04');
      expect(parisDate(beforeMidnight)).toBe('2026-12-04');
      expect(parisDate(afterMidnight)).toBe('2026-12-05');
    }
    // The same instant in another Date object.
    expect(parisDate(new Date(afterMidnight.getTime()))).toBe('2026-12-05');
    expect(parisDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01'); // UTC+2 in summer
    expect(parisDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(() => parisDate(new Date('nope'))).toThrow(RangeError);
  });

  it('counts whole years to a day', () => {
    expect(ageOn('2016-12-05', parisDate(new Date('2026-12-04T22:59:59Z')))).toBe(9);
    expect(ageOn('2016-12-05', parisDate(new Date('2026-12-04T23:00:00Z')))).toBe(10);
  });
});
