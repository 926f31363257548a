/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a CSV cell whose text starts with = + - @, a tab, a
 * carriage return or NUL may be run as a formula by Excel or LibreOffice. Such text gets a leading apostrophe,
 * which spreadsheets show as plain text. The full-width forms are included because Excel normalises them on some
 * systems (the same list csv-stringify's own `escape_formulas` uses). Only text goes through here: numbers,
 * durations and dates the exporter wrote itself are never touched, so a negative number stays a number.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0] as string);
}

export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
