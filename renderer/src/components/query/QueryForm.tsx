import { useEffect, useId, useRef, useState } from 'react';
import type {
  ReferenceOption,
  ReportDescriptor,
  ReportFiltersLike,
} from '../../../../preload/contract/workspace-types';
import { useNow } from '../../hooks/use-now';
import { buildParams } from '../../query/params';
import { RETENTION_DAYS } from '../../query/retention';
import { missingValues, validateDraft, type FieldErrors } from '../../query/validate';
import { useCatalogStore, type ReferenceKind } from '../../state/catalog-store';
import { useQueryStore } from '../../state/query-store';
import { useRunStore } from '../../state/run-store';
import { useConnectionId, useReportZone } from '../../state/zone';
import { runCurrentDraft } from '../../workflow/run-report';
import { SaveReportForm } from '../saved/SaveReportForm';
import { ColumnPicker } from './ColumnPicker';
import { ConditionsBuilder } from './ConditionsBuilder';
import { DateRangeField } from './DateRangeField';
import { FilterFields } from './FilterFields';
import { GranularityField } from './GranularityField';
import { RequestPreview } from './RequestPreview';
import { TimeZoneField } from './TimeZoneField';

/** Rule errors wait for the first Run, so a just-added condition is not red before anything is typed. */
function visibleErrors(errors: FieldErrors, attempted: boolean): FieldErrors {
  if (attempted) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith('rule:')));
}

/** The query builder, generated from the chosen report's descriptor. */
export function QueryForm({ descriptor }: { descriptor: ReportDescriptor }) {
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const draft = useQueryStore((state) => state.draft);
  const referenceLists = useCatalogStore((state) => state.reference);
  const phase = useRunStore((state) => state.phase);
  const cancel = useRunStore((state) => state.cancel);
  const zone = useReportZone();
  const connectionId = useConnectionId();
  const now = useNow();
  const [attempts, setAttempts] = useState(0);
  const [refresh, setRefresh] = useState(false);

  const reference: Partial<Record<ReferenceKind, ReferenceOption[]>> = {};
  for (const [kind, list] of Object.entries(referenceLists)) {
    if (list?.status === 'ready') reference[kind as ReferenceKind] = list.value;
  }
  const context = { zone, now, retentionDays: RETENTION_DAYS, reference };
  const errors = validateDraft(draft, descriptor, context);
  const valid = Object.keys(errors).length === 0;
  const missing: Partial<Record<ReportFiltersLike, string[]>> = {};
  for (const key of descriptor.filters) missing[key] = missingValues(draft, key, context);
  const params = valid ? buildParams(draft, descriptor, connectionId, zone, now) : null;

  useEffect(() => {
    if (attempts > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const running = phase === 'running';
  // The actions sit after the form, not inside it, so they can stay in view at the bottom of the panel while
  // it scrolls (a sticky element cannot leave its parent); the Run button submits the form through `form=`.
  return (
    <>
      <form
        id={formId}
        ref={form}
        className="query-form"
        aria-label="Report options"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const attempt = runCurrentDraft({ refresh, now: Date.now() });
          if (!attempt.started) setAttempts((count) => count + 1);
        }}
      >
        {descriptor.ranged ? (
          <DateRangeField zone={zone} now={now} errors={errors} />
        ) : (
          <p className="hint">
            Shows what is happening in your queues right now. It needs a network connection and is never cached.
          </p>
        )}
        <TimeZoneField zone={zone} />
        <GranularityField offered={descriptor.granularities} />
        <FilterFields descriptor={descriptor} connectionId={connectionId} errors={errors} missing={missing} />
        <ConditionsBuilder descriptor={descriptor} errors={visibleErrors(errors, attempts > 0)} />
        <ColumnPicker descriptor={descriptor} error={errors.columns} />
        <RequestPreview params={params} />
      </form>
      <div className="form-actions">
        {descriptor.cached ? (
          <label className="option">
            <input type="checkbox" checked={refresh} onChange={(event) => setRefresh(event.target.checked)} />
            <span>Fetch recent days again (Genesys may still correct the last 3 days)</span>
          </label>
        ) : null}
        <div className="button-row">
          <button type="submit" form={formId} className="primary" disabled={running}>
            {running ? 'Running…' : 'Run report'}
          </button>
          {running ? (
            <button type="button" className="secondary" onClick={() => void cancel()}>
              Cancel run
            </button>
          ) : null}
          <SaveReportForm />
        </div>
        {attempts > 0 && !valid ? (
          <p className="field-error" role="alert">
            Fix the highlighted fields to run the report.
          </p>
        ) : null}
      </div>
    </>
  );
}
