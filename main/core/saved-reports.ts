import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { columnFilterSchema, reportParamsSchema } from '../../preload/contract/report-params';
import { RANGE_PRESETS, type RunState, type SavedReport } from '../../preload/contract/workspace-types';
import { UserFacingError } from './errors';
import { readJsonFile, writeJsonFile } from './json-file';

const savedSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  params: reportParamsSchema,
  preset: z.enum(RANGE_PRESETS),
  columns: z.array(z.string()),
  sort: z.object({ column: z.string(), direction: z.enum(['asc', 'desc']) }).nullable(),
  columnFilters: z.array(columnFilterSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  lastRun: z
    .object({
      at: z.number(),
      state: z.enum(['done', 'failed', 'cancelled', 'offline-missing']),
      completeUpTo: z.number().nullable(),
    })
    .nullable(),
});

export type SavedReportInput = Omit<SavedReport, 'id' | 'createdAt' | 'updatedAt' | 'lastRun'> & { id?: string };

/**
 * saved-reports.json in the data folder. Entries are checked one by one on read, so one damaged entry is
 * dropped (and the rest kept) instead of losing every saved report.
 */
export class SavedReportStore {
  private readonly path: string;
  private items: SavedReport[];

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.path = join(dataDir, 'saved-reports.json');
    const raw = readJsonFile(this.path);
    this.items = (Array.isArray(raw) ? raw : []).flatMap((entry: unknown) => {
      const parsed = savedSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  list(): SavedReport[] {
    return this.items.map((item) => structuredClone(item));
  }

  save(input: SavedReportInput): SavedReport {
    const name = this.uniqueName(input.name, input.id);
    const existing = input.id ? this.find(input.id) : undefined;
    const at = this.now();
    const item: SavedReport = {
      ...structuredClone(input),
      name,
      id: existing?.id ?? randomUUID(),
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      lastRun: existing?.lastRun ?? null,
    };
    this.items = existing ? this.items.map((i) => (i.id === item.id ? item : i)) : [...this.items, item];
    this.write();
    return structuredClone(item);
  }

  rename(id: string, name: string): SavedReport {
    const item = this.find(id);
    return this.save({ ...item, name });
  }

  duplicate(id: string): SavedReport {
    const { id: _id, lastRun: _lastRun, createdAt: _c, updatedAt: _u, ...copy } = this.find(id);
    return this.save({ ...copy, name: `${copy.name} (copy)` });
  }

  delete(id: string): SavedReport[] {
    this.find(id);
    this.items = this.items.filter((item) => item.id !== id);
    this.write();
    return this.list();
  }

  /** Records the last run of every saved report with exactly these parameters, for the list's freshness column. */
  recordRun(params: unknown, state: RunState, completeUpTo: number | null): void {
    const key = JSON.stringify(params);
    let changed = false;
    for (const item of this.items) {
      if (JSON.stringify(item.params) !== key) continue;
      item.lastRun = { at: this.now(), state, completeUpTo };
      changed = true;
    }
    if (changed) this.write();
  }

  private find(id: string): SavedReport {
    const item = this.items.find((candidate) => candidate.id === id);
    if (!item) throw new UserFacingError('not-found', 'That saved report no longer exists.');
    return item;
  }

  /** Two saved reports with one name would be indistinguishable in the list; number the newcomer instead. */
  private uniqueName(wanted: string, ownId: string | undefined): string {
    const taken = new Set(this.items.filter((item) => item.id !== ownId).map((item) => item.name.toLowerCase()));
    let name = wanted.trim();
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted.trim()} (${n})`;
    return name;
  }

  private write(): void {
    writeJsonFile(this.path, this.items);
  }
}
