import type { ReferenceOption, ReportDescriptor, ReportFiltersLike } from '../../../preload/contract/workspace-types';
import { addDays, daysBetween, formatDay, isDay } from '../dates/civil-day';
import { todayIn } from '../dates/zoned-time';
// From the contract, not the store: the store's window-bound client would break Node-side type checks of this file.
import type { ReferenceList as ReferenceKind } from '../../../preload/contract/reports';
import { ruleProblem } from './conditions';
import type { QueryDraft } from './draft';
import { FILTER_FIELDS, referenceKindOf } from './filter-fields';
import { rangeFor } from '../dates/presets';

export type FieldKey = 'from' | 'to' | 'range' | 'columns' | ReportFiltersLike | `rule:${string}`;
export type FieldErrors = Partial<Record<FieldKey, string>>;

export interface ValidationContext {
  zone: string;
  now: number;
  retentionDays: number;
  /** Loaded reference lists; a filter whose list has not loaded is not judged. */
  reference: Partial<Record<ReferenceKind, ReferenceOption[]>>;
  locale?: string;
}

/** Ids chosen in a filter that the org's list no longer has (deleted queues, removed wrap-up codes…). */
export function missingValues(draft: QueryDraft, key: ReportFiltersLike, context: ValidationContext): string[] {
  const kind = referenceKindOf(key);
  const list = kind ? context.reference[kind] : undefined;
  if (!list) return [];
  const known = new Set(list.map((option) => option.id));
  return (draft.filters[key] ?? []).filter((id) => !known.has(id));
}

/**
 * Every problem that stops a run, in plain language, keyed by the field it is shown beside. An empty object
 * means the report can run.
 */
export function validateDraft(
  draft: QueryDraft,
  descriptor: ReportDescriptor,
  context: ValidationContext,
): FieldErrors {
  const errors: FieldErrors = {};
  const day = (value: string) => formatDay(value, context.locale);
  if (descriptor.ranged) {
    const today = todayIn(context.zone, context.now);
    const customOk = draft.preset !== 'custom' || checkCustom(draft, errors, day);
    if (customOk) {
      const { from, to } = rangeFor(draft.preset, draft.custom, context.zone, context.now);
      const earliest = addDays(today, -context.retentionDays);
      if (from > today) {
        errors.range = `This range is in the future, so there is no data for it yet. Today is ${day(today)} in ${context.zone}.`;
      } else if (to > today) {
        errors.to = `The end date is after today (${day(today)} in ${context.zone}). Choose today or an earlier day.`;
      } else if (daysBetween(earliest, from) < 0) {
        errors.range = `Genesys Cloud keeps interaction data for a limited time (about 2 years), so the days before ${day(earliest)} may no longer exist. Choose a start on or after that day.`;
      }
    }
  }
  if (draft.columns.length === 0) errors.columns = 'Choose at least one column to show.';
  for (const key of descriptor.filters) {
    const missing = missingValues(draft, key, context);
    if (missing.length === 0) continue;
    const { noun } = FILTER_FIELDS[key];
    errors[key] =
      missing.length === 1
        ? `One selected ${noun} no longer exists in this organisation. Remove it to run the report.`
        : `${missing.length} selected ${noun}s no longer exist in this organisation. Remove them to run the report.`;
  }
  const fields = new Map(descriptor.conditionFields.map((field) => [field.id, field]));
  if (descriptor.conditionFields.length > 0) {
    for (const rule of draft.rules) {
      const problem = ruleProblem(rule, fields.get(rule.field));
      if (problem) errors[`rule:${rule.key}`] = problem;
    }
  }
  return errors;
}

function checkCustom(draft: QueryDraft, errors: FieldErrors, day: (value: string) => string): boolean {
  const { from, to } = draft.custom;
  if (!isDay(from)) errors.from = 'Enter a start date.';
  if (!isDay(to)) errors.to = 'Enter an end date.';
  if (errors.from || errors.to) return false;
  if (to < from) {
    errors.to = `The end date is before the start date. Choose an end on or after ${day(from)}.`;
    return false;
  }
  return true;
}
