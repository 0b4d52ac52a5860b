import { BadUserInput } from '../errors';

/**
 * Input checks shared by the mutations. Each failure is BAD_USER_INPUT naming the field
 * (`extensions.field`), with a message a portal can show.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date (YYYY-MM-DD), optionally within [min, max]. */
export function checkDate(field: string, value: string, range: { min?: string; max?: string } = {}): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new BadUserInput(field, 'must be a date written YYYY-MM-DD');
  }
  if (range.min && value < range.min) throw new BadUserInput(field, `must be on or after ${range.min}`);
  if (range.max && value > range.max) throw new BadUserInput(field, `must be on or before ${range.max}`);
  return value;
}

/** `end` is not before `start`. */
export function checkOrder(startField: string, start: string | undefined, endField: string, end: string | undefined): void {
  if (start && end && end < start) throw new BadUserInput(endField, `must not be before ${startField} (${start})`);
}

/** Trimmed text of bounded length; `min` 1 by default (required text). */
export function checkText(field: string, value: string, max: number, min = 1): string {
  const text = value.trim();
  if (text.length < min) throw new BadUserInput(field, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
  if (text.length > max) throw new BadUserInput(field, `must have at most ${max} characters`);
  return text;
}

/** Optional text: undefined/null stays absent, otherwise checked like checkText (empty means absent). */
export function checkOptionalText(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (!text) return undefined;
  return checkText(field, text, max);
}

/** A UAI (code of a French school): 7 digits and a letter. */
export function checkUai(field: string, value: string): string {
  const uai = value.trim().toUpperCase();
  if (!/^\d{7}[A-Z]$/.test(uai)) throw new BadUserInput(field, 'must be a UAI code: 7 digits and a letter (e.g. 0470045J)');
  return uai;
}

/** A French phone number (10 digits starting with 0, or +33 and 9 digits); returned as 0X XX XX XX XX. */
export function checkPhone(field: string, value: string): string {
  const digits = value.replace(/[\s.-]/g, '');
  const national = /^\+33\d{9}$/.test(digits) ? `0${digits.slice(3)}` : digits;
  if (!/^0\d{9}$/.test(national)) throw new BadUserInput(field, 'must be a French phone number (10 digits, or +33 and 9 digits)');
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** An e-mail address, lower-cased. */
export function checkEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new BadUserInput(field, 'must be an e-mail address');
  return email;
}

/** A non-empty list without duplicates. */
export function checkList<T>(field: string, values: readonly T[], options: { min?: number; max?: number } = {}): T[] {
  const min = options.min ?? 1;
  if (values.length < min) throw new BadUserInput(field, min === 1 ? 'must not be empty' : `must have at least ${min} items`);
  if (options.max !== undefined && values.length > options.max) throw new BadUserInput(field, `must have at most ${options.max} items`);
  if (new Set(values).size !== values.length) throw new BadUserInput(field, 'must not repeat an item');
  return [...values];
}

const POSTAL_CODE = /^\d{5}$/;
/** QPV codes: QP or QN and 5 to 8 letters or digits (e.g. QP047001, QN04701M). */
const QPV_CODE = /^Q[NP][0-9A-Z]{5,8}$/;

/** A French postal code (5 digits). */
export function checkPostalCode(field: string, value: string): string {
  const postalCode = value.trim();
  if (!POSTAL_CODE.test(postalCode)) throw new BadUserInput(field, 'must be a postal code of 5 digits');
  return postalCode;
}

/** The code of a priority neighbourhood of the city policy (QPV), upper-cased; undefined for none. */
export function checkQpvCode(field: string, value: string | null | undefined): string | undefined {
  const qpvCode = checkOptionalText(field, value, 12)?.toUpperCase();
  if (qpvCode !== undefined && !QPV_CODE.test(qpvCode)) throw new BadUserInput(field, 'must be the code of a priority neighbourhood (e.g. QN04701M)');
  return qpvCode;
}
