import type { ReportDescriptor } from '../../../preload/contract/workspace-types';

/**
 * Column layout per report (which columns, their order and widths), kept in this window's localStorage: it is
 * a preference of this computer, not data, and saved reports carry their own column list.
 */
export interface ColumnMemory {
  columns: string[];
  widths: Record<string, number>;
}

const key = (report: string) => `reportdesk.columns.v1.${report}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** What was remembered, minus columns the report no longer has; null when there is nothing usable. */
export function readColumnMemory(descriptor: ReportDescriptor): ColumnMemory | null {
  const raw = storage()?.getItem(key(descriptor.id));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ColumnMemory>;
    const known = new Set(descriptor.columns.map((column) => column.id));
    const columns = Array.isArray(parsed.columns) ? parsed.columns.filter((id) => known.has(id)) : [];
    const widths: Record<string, number> = {};
    for (const [id, width] of Object.entries(parsed.widths ?? {})) {
      if (known.has(id) && typeof width === 'number' && width > 20 && width < 2000) widths[id] = width;
    }
    return columns.length > 0 ? { columns, widths } : null;
  } catch {
    return null;
  }
}

export function writeColumnMemory(report: string, change: Partial<ColumnMemory>): void {
  const store = storage();
  if (!store) return;
  let current: Partial<ColumnMemory> = {};
  try {
    current = JSON.parse(store.getItem(key(report)) ?? '{}') as Partial<ColumnMemory>;
  } catch {
    // A damaged entry is replaced.
  }
  store.setItem(key(report), JSON.stringify({ ...current, ...change }));
}

export function forgetColumnMemory(report: string): void {
  storage()?.removeItem(key(report));
}
