import type { ConditionField } from '../../../../preload/contract/workspace-types';
import { listOf, unitOf, type DraftRule } from '../../query/conditions';
import type { describedBy } from '../FieldError';
import { ReferenceValueSelect } from './ReferenceValueSelect';

interface ValueProps {
  field: ConditionField;
  rule: DraftRule;
  n: number;
  onChange: (text: string) => void;
  errorProps: ReturnType<typeof describedBy>;
}

/** The value box of a condition, in the unit the form shows (minutes, percent) or as a pick list. */
export function ConditionValueInput({ field, rule, n, onChange, errorProps }: ValueProps) {
  const label = `Condition ${n}: value`;
  const list = listOf(field);
  if (list) {
    return (
      <ReferenceValueSelect label={label} list={list} value={rule.text} onChange={onChange} errorProps={errorProps} />
    );
  }
  if (field.format === 'flag' || field.format === 'enum') {
    const choices =
      field.format === 'flag'
        ? [
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]
        : (field.options ?? []);
    return (
      <select aria-label={label} value={rule.text} onChange={(event) => onChange(event.target.value)} {...errorProps}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  const unit = unitOf(field);
  const numeric = ['count', 'number', 'duration', 'percent'].includes(field.format);
  return (
    <span className="value-with-unit">
      <input
        aria-label={unit ? `${label} in ${unit}` : label}
        type={field.format === 'datetime' ? 'datetime-local' : 'text'}
        inputMode={numeric ? 'decimal' : undefined}
        value={rule.text}
        onChange={(event) => onChange(event.target.value)}
        {...errorProps}
      />
      {unit ? <span className="unit">{unit}</span> : null}
    </span>
  );
}
