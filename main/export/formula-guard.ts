/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a CSV cell whose text starts with = + - @, a tab, a
 * carriage return or NUL may be run as a formula by Excel or LibreOffice. Such text gets a leading apostrophe,
 * which spreadsheets show as plain text. The full-width forms are included because Excel normalises them on some
 * systems (the same list csv-stringify's own `escape_formulas` uses). Only text goes through here: numbers,
 * durations and dates the exporter wrote itself are never touched, so a negative number stays a number.
 */
export function isFormulaLike(text: string): boolean {
  switch (text.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
    case 0x00: // NUL
    case 0xff1d: // ＝
    case 0xff0b: // ＋
    case 0xff0d: // －
    case 0xff20: // ＠
      return true;
    default:
      return false;
  }
}

export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
