import { useEffect } from 'react';
import type { ReferenceList } from '../../../../preload/contract/reports';
import { useCatalogStore } from '../../state/catalog-store';
import { useConnectionId } from '../../state/zone';

interface Props {
  label: string;
  list: ReferenceList;
  value: string;
  onChange: (value: string) => void;
  errorProps: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

/** A condition's value picked by name from one of the org's lists (the rule sends the id). */
export function ReferenceValueSelect({ label, list, value, onChange, errorProps }: Props) {
  const connectionId = useConnectionId();
  const options = useCatalogStore((state) => state.reference[list]);
  const loadReference = useCatalogStore((state) => state.loadReference);
  useEffect(() => {
    void loadReference(connectionId, list);
  }, [connectionId, list, loadReference]);
  const items = options?.status === 'ready' ? options.value : [];
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} {...errorProps}>
      <option value="">{options?.status === 'ready' ? 'Choose…' : 'Loading…'}</option>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.state ? `${item.name} (${item.state})` : item.name}
        </option>
      ))}
    </select>
  );
}
