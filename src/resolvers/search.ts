import { BadUserInput } from '../errors';

/**
 * Name search without the `unaccent` extension (it may not be installed): both sides are
 * lower-cased and folded to unaccented letters, the column with translate() and the
 * search term in JS, then compared with ILIKE on an escaped pattern.
 */

export const MAX_SEARCH_LENGTH = 100;

// Letters that lower() may leave alone under a C locale are listed in both cases.
const ACCENTED =
  'àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöōőřśšşťùúûüūůűųýÿźżž' +
  'ÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮÑŃŇÒÓÔÕÖŌŐŘŚŠŞŤÙÚÛÜŪŮŰŲÝŸŹŻŽ';
const FROM = [...ACCENTED, 'ø', 'Ø', 'ł', 'Ł', 'đ', 'Đ'].join('');
const TO = [...ACCENTED].map((c) => c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).join('') + 'oolldd';

/** SQL folding a text column; its two parameters (placeholders `from`, `to`) are FOLD_PARAMS. */
export function foldSql(column: string, from = '?', to = '?'): string {
  // lower() leaves Œ and Æ alone under a C locale (the embedded database's).
  return `replace(replace(replace(replace(translate(lower(${column}), ${from}, ${to}), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae')`;
}
export const FOLD_PARAMS = [FROM, TO] as const;

/** The JS side of foldSql. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

/** The words of a search, folded; BAD_USER_INPUT naming `field` when too long. */
export function searchWords(search: string, field: string): string[] {
  if (search.length > MAX_SEARCH_LENGTH) throw new BadUserInput(field, `at most ${MAX_SEARCH_LENGTH} characters`);
  return fold(search).split(/\s+/).filter(Boolean);
}

/** A substring ILIKE pattern for a word, with %, _ and \ escaped. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
