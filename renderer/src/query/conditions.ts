import type { ConditionRule } from '../../../preload/contract/report-params';
import type { ConditionFieldDetails, ReferenceList } from '../../../preload/contract/reports';
import type { ConditionField } from '../../../preload/contract/workspace-types';
import { formatCellDateTime } from '../format/datetime';
import { isDay } from '../dates/civil-day';
import { zonedToEpoch } from '../dates/zoned-time';

export type ConditionOp = ConditionRule['op'];

/** A rule as the form holds it: the value as typed, in the unit the form shows (minutes, percent). */
export interface DraftRule {
  key: string;
  field: string;
  op: ConditionOp;
  text: string;
}

export const OP_LABELS: Record<ConditionOp, string> = {
  equals: 'is exactly',
  contains: 'contains',
  startsWith: 'starts with',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  is: 'is',
  isNot: 'is not',
};

/** Main may say which operators a field takes (ConditionFieldDetails); otherwise they follow its format. */
export function opsFor(field: ConditionField): ConditionOp[] {
  const declared = (field as Partial<ConditionFieldDetails>).ops;
  if (declared && declared.length > 0) return [...declared];
  switch (field.format) {
    case 'text':
    case 'id':
    case 'phone':
      return ['contains', 'startsWith', 'equals'];
    case 'count':
    case 'number':
    case 'duration':
    case 'percent':
      return ['gt', 'gte', 'lt', 'lte', 'equals'];
    case 'datetime':
      return ['gt', 'lt'];
    case 'flag':
      return ['is'];
    case 'enum':
      return ['is', 'isNot'];
  }
}

/** For id fields (a queue, an agent…): the org's list the value is picked from. */
export function listOf(field: ConditionField): ReferenceList | null {
  return (field as Partial<ConditionFieldDetails>).list ?? null;
}

/** Main's hint for the field, except where the form already shows its own unit (minutes, a date picker). */
export function hintOf(field: ConditionField): string | null {
  if (field.format === 'duration' || field.format === 'datetime' || field.format === 'percent') return null;
  return (field as Partial<ConditionFieldDetails>).hint ?? null;
}

/** The unit beside a value box, so "10" is unambiguous. */
export function unitOf(field: ConditionField): string | null {
  if (field.format === 'duration') return 'minutes';
  if (field.format === 'percent') return '%';
  return null;
}

export function defaultText(field: ConditionField): string {
  if (field.format === 'flag') return 'true';
  if (field.format === 'enum') return field.options?.[0]?.value ?? '';
  return '';
}

/** A plain-language problem with the typed value, or null when it can be sent. */
export function ruleProblem(rule: DraftRule, field: ConditionField | undefined): string | null {
  if (!field) return 'This field is no longer offered for this report. Remove the condition.';
  const text = rule.text.trim();
  if (text === '') return 'Enter a value.';
  switch (field.format) {
    case 'count':
    case 'number':
    case 'duration':
    case 'percent': {
      const value = Number(text);
      if (!Number.isFinite(value)) return 'Enter a number.';
      if (field.format === 'duration' && value < 0) return 'Enter 0 minutes or more.';
      if (field.format === 'percent' && (value < 0 || value > 100)) return 'Enter a percentage from 0 to 100.';
      if (field.format === 'count' && !Number.isInteger(value)) return 'Enter a whole number.';
      return null;
    }
    case 'datetime':
      return isDay(text.slice(0, 10)) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? null : 'Enter a date and time.';
    case 'enum':
      return field.options?.some((option) => option.value === text) ? null : 'Choose one of the listed values.';
    default:
      return null;
  }
}

/** The contract's rule: durations in ms, percents as 0..1, datetimes as epoch ms in the report's zone. */
export function toConditionRule(rule: DraftRule, field: ConditionField, zone: string): ConditionRule {
  const text = rule.text.trim();
  const value = ((): ConditionRule['value'] => {
    switch (field.format) {
      case 'duration':
        return Math.round(Number(text) * 60_000);
      case 'percent':
        return Number(text) / 100;
      case 'count':
      case 'number':
        return Number(text);
      case 'datetime': {
        const [day = '', time = '00:00'] = text.split('T');
        const [hour = 0, minute = 0] = time.split(':').map(Number);
        return zonedToEpoch(day, hour, minute, zone);
      }
      case 'flag':
        return text === 'true';
      default:
        return text;
    }
  })();
  return { field: rule.field, op: rule.op, value };
}

/** The reverse, for a saved report opened in the form. */
export function fromConditionRule(rule: ConditionRule, field: ConditionField | undefined, zone: string, key: string) {
  const text = ((): string => {
    const { value } = rule;
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'string') return value;
    switch (field?.format) {
      case 'duration':
        return String(Math.round((value / 60_000) * 1000) / 1000);
      case 'percent':
        return String(Math.round(value * 100_000) / 1000);
      case 'datetime':
        return formatCellDateTime(value, zone).slice(0, 16).replace(' ', 'T');
      default:
        return String(value);
    }
  })();
  return { key, field: rule.field, op: rule.op, text } satisfies DraftRule;
}
