import { create } from 'zustand';
import type { ReportFilters } from '../../../preload/contract/report-params';
import type { Granularity } from '../../../preload/contract/reports';
import type {
  RangePreset,
  ReportDescriptor,
  ReportFiltersLike,
  SavedReport,
} from '../../../preload/contract/workspace-types';
import { rangeFor } from '../dates/presets';
import { computerTimeZone, todayIn } from '../dates/zoned-time';
import { forgetColumnMemory, readColumnMemory, writeColumnMemory } from '../grid/column-memory';
import { defaultText, opsFor, type DraftRule } from '../query/conditions';
import { defaultColumns, emptyDraft, granularityFor, type QueryDraft } from '../query/draft';
import { draftFromSaved } from '../query/params';

interface QueryState {
  draft: QueryDraft;
  /** The saved report the form was opened from, so "Save" can update it. */
  saved: { id: string; name: string } | null;
  selectReport: (descriptor: ReportDescriptor) => void;
  setPreset: (preset: RangePreset, zone: string) => void;
  setCustomDay: (end: 'from' | 'to', day: string) => void;
  setTimeZone: (zone: string) => void;
  setGranularity: (granularity: Granularity) => void;
  setFilter: (key: ReportFiltersLike, values: string[]) => void;
  setMatch: (match: 'all' | 'any') => void;
  addRule: (descriptor: ReportDescriptor) => void;
  updateRule: (key: string, change: Partial<Omit<DraftRule, 'key'>>, descriptor: ReportDescriptor) => void;
  removeRule: (key: string) => void;
  toggleColumn: (id: string) => void;
  /** The grid's order after a drag (visible columns only), for the report the grid is showing. */
  setColumnOrder: (report: string, ids: string[]) => void;
  resetColumns: (descriptor: ReportDescriptor) => void;
  openSaved: (saved: SavedReport, descriptor: ReportDescriptor | undefined) => void;
  markSaved: (saved: SavedReport | null) => void;
}

let ruleCounter = 0;

function rememberColumns(report: string | null, columns: string[]): void {
  if (report) writeColumnMemory(report, { columns });
}

export const useQueryStore = create<QueryState>()((set, get) => ({
  draft: emptyDraft(todayIn(computerTimeZone())),
  saved: null,
  selectReport: (descriptor) => {
    const { draft } = get();
    if (draft.report === descriptor.id) return;
    set({
      saved: null,
      draft: {
        ...draft,
        report: descriptor.id,
        granularity: granularityFor(descriptor, draft.granularity),
        rules: [],
        columns: readColumnMemory(descriptor)?.columns ?? defaultColumns(descriptor),
      },
    });
  },
  setPreset: (preset, zone) =>
    set(({ draft }) => ({
      // Custom starts from the days the previous preset meant, which is what people usually adjust.
      draft: {
        ...draft,
        preset,
        custom: preset === 'custom' ? rangeFor(draft.preset, draft.custom, zone) : draft.custom,
      },
    })),
  setCustomDay: (end, day) => set(({ draft }) => ({ draft: { ...draft, custom: { ...draft.custom, [end]: day } } })),
  setTimeZone: (zone) => set(({ draft }) => ({ draft: { ...draft, timeZone: zone } })),
  setGranularity: (granularity) => set(({ draft }) => ({ draft: { ...draft, granularity } })),
  setFilter: (key, values) =>
    set(({ draft }) => {
      const filters: ReportFilters = { ...draft.filters, [key]: values };
      if (values.length === 0) delete filters[key];
      return { draft: { ...draft, filters } };
    }),
  setMatch: (match) => set(({ draft }) => ({ draft: { ...draft, match } })),
  addRule: (descriptor) => {
    const field = descriptor.conditionFields[0];
    if (!field) return;
    ruleCounter += 1;
    const rule: DraftRule = {
      key: `rule-${ruleCounter}`,
      field: field.id,
      op: opsFor(field)[0] ?? 'equals',
      text: defaultText(field),
    };
    set(({ draft }) => ({ draft: { ...draft, rules: [...draft.rules, rule] } }));
  },
  updateRule: (key, change, descriptor) =>
    set(({ draft }) => ({
      draft: {
        ...draft,
        rules: draft.rules.map((rule) => {
          if (rule.key !== key) return rule;
          const next = { ...rule, ...change };
          const field = descriptor.conditionFields.find((candidate) => candidate.id === next.field);
          // A new field resets what no longer fits it: an operator it lacks, a value in another unit.
          if (field && change.field !== undefined && change.field !== rule.field) {
            next.op = opsFor(field)[0] ?? next.op;
            next.text = defaultText(field);
          }
          return next;
        }),
      },
    })),
  removeRule: (key) =>
    set(({ draft }) => ({ draft: { ...draft, rules: draft.rules.filter((rule) => rule.key !== key) } })),
  toggleColumn: (id) => {
    const { draft } = get();
    const columns = draft.columns.includes(id)
      ? draft.columns.filter((column) => column !== id)
      : [...draft.columns, id];
    rememberColumns(draft.report, columns);
    set({ draft: { ...draft, columns } });
  },
  setColumnOrder: (report, ids) => {
    rememberColumns(report, ids);
    // The form may already show another report while the grid still shows the last result.
    const { draft } = get();
    if (draft.report !== report || ids.join('\n') === draft.columns.join('\n')) return;
    set({ draft: { ...draft, columns: ids } });
  },
  resetColumns: (descriptor) => {
    forgetColumnMemory(descriptor.id);
    set(({ draft }) => ({ draft: { ...draft, columns: defaultColumns(descriptor) } }));
  },
  openSaved: (saved, descriptor) =>
    set({ draft: draftFromSaved(saved, descriptor), saved: { id: saved.id, name: saved.name } }),
  markSaved: (saved) => set({ saved: saved ? { id: saved.id, name: saved.name } : null }),
}));
