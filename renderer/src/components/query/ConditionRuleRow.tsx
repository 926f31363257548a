import { useId } from 'react';
import type { ReportDescriptor } from '../../../../preload/contract/workspace-types';
import { OP_LABELS, hintOf, opsFor, type ConditionOp, type DraftRule } from '../../query/conditions';
import { useQueryStore } from '../../state/query-store';
import { FieldError, describedBy } from '../FieldError';
import { ConditionValueInput } from './ConditionValueInput';

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
          <ConditionValueInput
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
