import { useEffect } from 'react';
import type { ReportDescriptor, SavedReport } from '../../../../preload/contract/workspace-types';
import { useSavedStore } from '../../state/saved-store';
import { LoadableView } from '../StatusMessage';
import { SavedReportItem } from './SavedReportItem';

interface Props {
  reports: ReportDescriptor[];
  zone: string;
  onRun: (saved: SavedReport) => void;
}

export function SavedReportsList({ reports, zone, onRun }: Props) {
  const list = useSavedStore((state) => state.list);
  const error = useSavedStore((state) => state.error);
  const load = useSavedStore((state) => state.load);
  useEffect(() => {
    if (list.status === 'idle') void load();
  }, [list.status, load]);
  const nameOf = (id: string) => reports.find((report) => report.id === id)?.name ?? id;

  return (
    <section className="saved-reports" aria-labelledby="saved-title">
      <h2 id="saved-title">Saved reports</h2>
      {error ? (
        <p role="alert" className="message message-error">
          {error}
        </p>
      ) : null}
      <LoadableView data={list} what="saved reports">
        {(items) =>
          items.length === 0 ? (
            <p className="hint">Nothing saved yet. Set up a report below and choose “Save report…”.</p>
          ) : (
            <ul className="saved-list">
              {items.map((saved) => (
                <SavedReportItem
                  key={saved.id}
                  saved={saved}
                  reportName={nameOf(saved.params.report)}
                  zone={zone}
                  onRun={onRun}
                />
              ))}
            </ul>
          )
        }
      </LoadableView>
    </section>
  );
}
