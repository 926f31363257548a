import { useId } from 'react';
import type { ReportDescriptor } from '../../../../preload/contract/workspace-types';
import type { FieldErrors } from '../../query/validate';
import { useQueryStore } from '../../state/query-store';
import { ConditionRuleRow } from './ConditionRuleRow';

/** Interactions' advanced conditions: "all" or "any" of a list of field–operator–value rules. */
export function ConditionsBuilder({ descriptor, errors }: { descriptor: ReportDescriptor; errors: FieldErrors }) {
  const id = useId();
  const match = useQueryStore((state) => state.draft.match);
  const rules = useQueryStore((state) => state.draft.rules);
  const setMatch = useQueryStore((state) => state.setMatch);
  const addRule = useQueryStore((state) => state.addRule);
  if (descriptor.conditionFields.length === 0) return null;
  return (
    <fieldset className="field conditions">
      <legend>Conditions</legend>
      {rules.length > 1 ? (
        <div className="field-inline">
          <label htmlFor={`${id}-match`}>Show interactions that match</label>
          <select id={`${id}-match`} value={match} onChange={(event) => setMatch(event.target.value as 'all' | 'any')}>
            <option value="all">all of these conditions</option>
            <option value="any">any of these conditions</option>
          </select>
        </div>
      ) : null}
      {rules.length === 0 ? <p className="hint">No conditions: every interaction in the range and filters.</p> : null}
      <ol className="rules">
        {rules.map((rule, index) => (
          <ConditionRuleRow
            key={rule.key}
            rule={rule}
            index={index}
            descriptor={descriptor}
            error={errors[`rule:${rule.key}`]}
          />
        ))}
      </ol>
      <button type="button" className="secondary" onClick={() => addRule(descriptor)}>
        Add condition
      </button>
    </fieldset>
  );
}
