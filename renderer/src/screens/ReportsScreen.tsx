import { useEffect } from 'react';
import { ReportPicker } from '../components/query/ReportPicker';
import { QueryForm } from '../components/query/QueryForm';
import { ResultArea } from '../components/results/ResultArea';
import { SavedReportsList } from '../components/saved/SavedReportsList';
import { LoadableView } from '../components/StatusMessage';
import { WorkingWith } from '../components/WorkingWith';
import { useAppStore } from '../state/app-store';
import { useCatalogStore } from '../state/catalog-store';
import { useQueryStore } from '../state/query-store';
import { useReportZone } from '../state/zone';
import { useSavedStore } from '../state/saved-store';
import { runSaved } from '../workflow/saved-reports';
import type { SavedReport } from '../../../preload/contract/workspace-types';

/** Runs a saved report; when the form finds a problem (a queue that was deleted…), says so in the list. */
async function runFromList(saved: SavedReport): Promise<void> {
  const attempt = await runSaved(saved);
  const problem = attempt.started ? null : Object.values(attempt.errors)[0];
  useSavedStore.setState({ error: problem ? `“${saved.name}” cannot run yet: ${problem}` : null });
}

/** The workspace: saved reports and the query builder on the left, the result on the right. */
export function ReportsScreen() {
  const connections = useAppStore((state) => state.connections);
  const loadConnections = useAppStore((state) => state.loadConnections);
  const reports = useCatalogStore((state) => state.reports);
  const loadReports = useCatalogStore((state) => state.loadReports);
  const selected = useQueryStore((state) => state.draft.report);
  const selectReport = useQueryStore((state) => state.selectReport);
  const zone = useReportZone();

  useEffect(() => {
    if (connections.status === 'idle') void loadConnections();
  }, [connections.status, loadConnections]);
  useEffect(() => {
    if (reports.status === 'idle') void loadReports();
  }, [reports.status, loadReports]);
  useEffect(() => {
    const first = reports.status === 'ready' ? reports.value[0] : undefined;
    if (first && selected === null) selectReport(first);
  }, [reports, selected, selectReport]);

  const descriptor = reports.status === 'ready' ? reports.value.find((report) => report.id === selected) : undefined;
  return (
    <section aria-labelledby="reports-title" className="workspace">
      <header className="screen-header">
        <h1 id="reports-title">Reports</h1>
        <WorkingWith />
      </header>
      <div className="workspace-columns">
        <div className="query-panel">
          <LoadableView data={reports} what="the list of reports">
            {(list) => (
              <>
                <SavedReportsList reports={list} zone={zone} onRun={(saved) => void runFromList(saved)} />
                <ReportPicker reports={list} selected={selected} onSelect={selectReport} />
                {descriptor ? <QueryForm key={descriptor.id} descriptor={descriptor} /> : null}
              </>
            )}
          </LoadableView>
        </div>
        <div className="results-panel">
          <ResultArea />
        </div>
      </div>
    </section>
  );
}
