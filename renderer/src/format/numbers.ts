/** Locale-aware number text; `locale` is left to the computer's setting unless a caller pins it. */
export function formatCount(value: number | null, locale?: string): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(value: number | null, locale?: string): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A 0..1 ratio as "82.3%". */
export function formatPercent(ratio: number | null, locale?: string): string {
  if (ratio === null || !Number.isFinite(ratio)) return '';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    ratio,
  );
}
