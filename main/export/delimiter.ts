import type { CsvDelimiter } from './types';

/**
 * The CSV delimiter Excel expects by default in a locale: ';' where the decimal separator is a comma (most of
 * Europe and South America, where a ',' would split "1,5" in two), ',' elsewhere. For the settings default;
 * the user can still choose.
 */
export function csvDelimiterForLocale(locale: string): CsvDelimiter {
  try {
    const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal');
    return decimal?.value === ',' ? ';' : ',';
  } catch {
    return ',';
  }
}
