/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
const MAX_LENGTH = 31;
export const ABOUT_SHEET_NAME = 'About this report';
const RESERVED = new Set(['history', ABOUT_SHEET_NAME.toLowerCase()]);

/** The data sheet for the n-th block of rows (0-based): "Queue performance", "Queue performance (2)", … */
export function dataSheetName(reportName: string, index: number): string {
  let base = reportName
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001F\u007F:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '') base = 'Report';
  if (RESERVED.has(base.toLowerCase())) base = `${base} data`;
  const suffix = index === 0 ? '' : ` (${index + 1})`;
  return `${cutAt(base, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
}

function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
