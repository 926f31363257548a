import type { ReportFilters, ReportParams } from '../../../preload/contract/report-params';
import type { ReportDescriptor, SavedReport } from '../../../preload/contract/workspace-types';
import { rangeFor } from '../dates/presets';
import { todayIn } from '../dates/zoned-time';
import { fromConditionRule, toConditionRule } from './conditions';
import type { QueryDraft } from './draft';

/**
 * The contract's ReportParams for a draft: the preset resolved to days in the chosen zone now, only the filters
 * the report takes (and only non-empty ones), conditions only where the report has a conditions builder.
 */
export function buildParams(
  draft: QueryDraft,
  descriptor: ReportDescriptor,
  connectionId: string,
  zone: string,
  now: number = Date.now(),
): ReportParams {
  const range = descriptor.ranged
    ? rangeFor(draft.preset, draft.custom, zone, now)
    : { from: todayIn(zone, now), to: todayIn(zone, now) };
  const filters: ReportFilters = {};
  for (const key of descriptor.filters) {
    const values = draft.filters[key];
    if (values && values.length > 0) Object.assign(filters, { [key]: [...values] });
  }
  const fields = new Map(descriptor.conditionFields.map((field) => [field.id, field]));
  const rules = draft.rules.flatMap((rule) => {
    const field = fields.get(rule.field);
    return field ? [toConditionRule(rule, field, zone)] : [];
  });
  return {
    report: descriptor.id,
    connectionId,
    from: range.from,
    to: range.to,
    timeZone: zone,
    granularity: descriptor.granularities.length > 0 ? draft.granularity : 'P1D',
    filters,
    ...(rules.length > 0 ? { conditions: { match: draft.match, rules } } : {}),
  };
}

/** A saved report back in the form: its relative preset stays relative, so "Last week" means this week's last week. */
export function draftFromSaved(saved: SavedReport, descriptor: ReportDescriptor | undefined): QueryDraft {
  const { params } = saved;
  const fields = new Map((descriptor?.conditionFields ?? []).map((field) => [field.id, field]));
  return {
    report: params.report,
    preset: saved.preset,
    custom: { from: params.from, to: params.to },
    timeZone: params.timeZone,
    granularity: params.granularity,
    filters: { ...params.filters },
    match: params.conditions?.match ?? 'all',
    rules: (params.conditions?.rules ?? []).map((rule, index) =>
      fromConditionRule(rule, fields.get(rule.field), params.timeZone, `saved-${index}`),
    ),
    columns: [...saved.columns],
  };
}
