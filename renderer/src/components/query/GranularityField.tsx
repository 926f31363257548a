import { useId } from 'react';
import type { Granularity } from '../../../../preload/contract/reports';
import { GRANULARITY_LABELS } from '../../query/draft';
import { useQueryStore } from '../../state/query-store';

export function GranularityField({ offered }: { offered: Granularity[] }) {
  const id = useId();
  const granularity = useQueryStore((state) => state.draft.granularity);
  const setGranularity = useQueryStore((state) => state.setGranularity);
  if (offered.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Interval</label>
      <select id={id} value={granularity} onChange={(event) => setGranularity(event.target.value as Granularity)}>
        {offered.map((value) => (
          <option key={value} value={value}>
            {GRANULARITY_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
