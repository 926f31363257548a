import { useId } from 'react';
import type { ReportDescriptor } from '../../../../preload/contract/workspace-types';

interface Props {
  reports: ReportDescriptor[];
  selected: string | null;
  onSelect: (report: ReportDescriptor) => void;
}

/** The report types, each with the question it answers. Radio buttons: arrow keys move between them. */
export function ReportPicker({ reports, selected, onSelect }: Props) {
  const name = useId();
  return (
    <fieldset className="report-picker" data-testid="report-picker">
      <legend>Report</legend>
      {reports.map((report) => (
        <div key={report.id} className="report-choice" data-report={report.id}>
          <input
            id={`${name}-${report.id}`}
            type="radio"
            name={name}
            value={report.id}
            checked={selected === report.id}
            onChange={() => onSelect(report)}
            aria-describedby={`${name}-${report.id}-about`}
          />
          <label htmlFor={`${name}-${report.id}`} className="report-name">
            {report.name}
          </label>
          <span id={`${name}-${report.id}-about`} className="report-description">
            {report.description}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
