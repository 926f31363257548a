import { useId } from 'react';
import type { ConditionField, ReportDescriptor } from '../../../../preload/contract/workspace-types';
import { OP_LABELS, hintOf, listOf, opsFor, unitOf, type ConditionOp, type DraftRule } from '../../query/conditions';
import { useQueryStore } from '../../state/query-store';
import { FieldError, describedBy } from '../FieldError';
import { ReferenceValueSelect } from './ReferenceValueSelect';

interface Props {
  rule: DraftRule;
  index: number;
  descriptor: ReportDescriptor;
  error: string | undefined;
}

/** One field–operator–value line of the conditions builder. */
export function ConditionRuleRow({ rule, index, descriptor, error }: Props) {
  const id = useId();
  const updateRule = useQueryStore((state) => state.updateRule);
  const removeRule = useQueryStore((state) => state.removeRule);
  const field = descriptor.conditionFields.find((candidate) => candidate.id === rule.field);
  const update = (change: Partial<Omit<DraftRule, 'key'>>) => updateRule(rule.key, change, descriptor);
  const n = index + 1;
  return (
    <li className="rule">
      <div className="rule-controls">
        <select
          aria-label={`Condition ${n}: field`}
          value={rule.field}
          onChange={(event) => update({ field: event.target.value })}
        >
          {descriptor.conditionFields.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
        {field ? (
          <select
            aria-label={`Condition ${n}: comparison`}
            value={rule.op}
            onChange={(event) => update({ op: event.target.value as ConditionOp })}
          >
            {opsFor(field).map((op) => (
              <option key={op} value={op}>
                {OP_LABELS[op]}
              </option>
            ))}
          </select>
        ) : null}
        {field ? (
          <ValueInput
            field={field}
            rule={rule}
            n={n}
            onChange={(text) => update({ text })}
            errorProps={describedBy(`${id}-error`, error)}
          />
        ) : null}
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove condition ${n}`}
          onClick={() => removeRule(rule.key)}
        >
          ×
        </button>
      </div>
      {field && hintOf(field) ? <p className="hint">{hintOf(field)}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
    </li>
  );
}

interface ValueProps {
  field: ConditionField;
  rule: DraftRule;
  n: number;
  onChange: (text: string) => void;
  errorProps: ReturnType<typeof describedBy>;
}

function ValueInput({ field, rule, n, onChange, errorProps }: ValueProps) {
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
