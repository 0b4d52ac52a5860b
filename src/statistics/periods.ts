import { BadUserInput } from '../errors';
import { parisDate } from '../util/dates';

/**
 * The fixed periods of the statistics: a school year (from 1 September to 31 August,
 * `2025-2026`) or a calendar month (`2025-09`) of a school year that has ended. A period
 * still running is refused: its figures would change from one day to the next, and two
 * answers a day apart could be subtracted to isolate the children who came in between.
 */

export enum PeriodKind {
  SCHOOL_YEAR = 'SCHOOL_YEAR',
  MONTH = 'MONTH',
}

export interface Period {
  kind: PeriodKind;
  /** `2025-2026` or `2025-09`. */
  code: string;
  /** The year of the school year's 1 September. */
  schoolYear: number;
  /** 0 for the school year, 1 (September) to 12 (August) for its months. */
  bucket: number;
  firstDay: string;
  lastDay: string;
}

/** The first school year a programme can have (the PRE was created in 2005). */
export const FIRST_SCHOOL_YEAR = 2005;

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

export function schoolYearPeriod(startYear: number): Period {
  return {
    kind: PeriodKind.SCHOOL_YEAR,
    code: `${startYear}-${startYear + 1}`,
    schoolYear: startYear,
    bucket: 0,
    firstDay: `${startYear}-09-01`,
    lastDay: `${startYear + 1}-08-31`,
  };
}

/** The month `bucket` (1 = September ... 12 = August) of the school year starting in `startYear`. */
export function monthPeriod(startYear: number, bucket: number): Period {
  const month = ((bucket + 7) % 12) + 1;
  const year = month >= 9 ? startYear : startYear + 1;
  return {
    kind: PeriodKind.MONTH,
    code: `${year}-${pad(month)}`,
    schoolYear: startYear,
    bucket,
    firstDay: `${year}-${pad(month)}-01`,
    lastDay: lastDayOfMonth(year, month),
  };
}

/** The last school year that has ended on `today` (YYYY-MM-DD). */
export function lastClosedSchoolYear(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 9 ? year - 1 : year - 2;
}

/**
 * Parses a period given by a client; BAD_USER_INPUT naming `field` when it is not a
 * school year or a month, or when it has not ended yet.
 */
export function parsePeriod(text: string, now: Date, field = 'period'): Period {
  const today = parisDate(now);
  const year = /^(\d{4})-(\d{4})$/.exec(text);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  let period: Period;
  if (year) {
    const start = Number(year[1]);
    if (Number(year[2]) !== start + 1) throw new BadUserInput(field, 'a school year is written YYYY-YYYY with consecutive years, e.g. 2025-2026', { reason: 'INVALID_PERIOD' });
    period = schoolYearPeriod(start);
  } else if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    const startYear = m >= 9 ? y : y - 1;
    period = monthPeriod(startYear, m >= 9 ? m - 8 : m + 4);
  } else {
    throw new BadUserInput(field, 'a period is a school year (YYYY-YYYY, e.g. 2025-2026) or a month (YYYY-MM, e.g. 2025-09)', { reason: 'INVALID_PERIOD' });
  }
  if (period.schoolYear < FIRST_SCHOOL_YEAR) {
    throw new BadUserInput(field, `no statistics before the school year ${FIRST_SCHOOL_YEAR}-${FIRST_SCHOOL_YEAR + 1}`, { reason: 'INVALID_PERIOD' });
  }
  if (period.lastDay >= today) {
    throw new BadUserInput(field, 'only periods that have ended are published (a running period changes every day)', { reason: 'PERIOD_NOT_ENDED' });
  }
  // A school year's months are protected together with it (docs/statistics.md, "Months").
  if (schoolYearPeriod(period.schoolYear).lastDay >= today) {
    throw new BadUserInput(field, 'the months of a school year are published once the whole school year has ended', { reason: 'PERIOD_NOT_ENDED' });
  }
  return period;
}
