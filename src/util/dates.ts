const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last instant formatted: a request asks the date of its own `now` once per child of a page. */
let last: { at: number; day: string } | undefined;

/** The calendar date (YYYY-MM-DD) in France at the given instant: validity windows are in local days. */
export function parisDate(at: Date): string {
  const time = at.getTime();
  if (last?.at !== time) last = { at: time, day: parisDay.format(at) };
  return last.day;
}

/** Whole years between a birth date (YYYY-MM-DD) and a calendar date (YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
