import { useEffect, useId, useState } from 'react';
import type { ReportParams } from '../../../../preload/contract/report-params';
import { client, errorMessage } from '../../api/client';

type Preview = { status: 'ready'; text: string } | { status: 'error'; message: string };

/** For admins: the Genesys Cloud request(s) the run will send, as the core would build them. */
export function RequestPreview({ params }: { params: ReportParams | null }) {
  const id = useId();
  const [shown, setShown] = useState(false);
  // Keyed by the params it answers, so a change shows "preparing" until the new answer arrives.
  const [answer, setAnswer] = useState<{ key: string; preview: Preview } | null>(null);
  const key = params ? JSON.stringify(params) : null;

  useEffect(() => {
    if (!shown || key === null) return;
    let current = true;
    void client.reports
      .request({ params: JSON.parse(key) as ReportParams })
      .then((text) => {
        if (current) setAnswer({ key, preview: { status: 'ready', text } });
      })
      .catch((error: unknown) => {
        if (current) setAnswer({ key, preview: { status: 'error', message: errorMessage(error) } });
      });
    return () => {
      current = false;
    };
  }, [shown, key]);

  const preview = answer && answer.key === key ? answer.preview : null;
  return (
    <div className="field request-preview">
      <label className="option">
        <input
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
          aria-controls={id}
        />
        <span>Show request (for admins)</span>
      </label>
      {shown ? (
        <div id={id} aria-live="polite">
          {key === null ? (
            <p className="hint">Fix the highlighted fields to see the request.</p>
          ) : preview?.status === 'ready' ? (
            <pre className="request-text" tabIndex={0} aria-label="Genesys Cloud request">
              {preview.text}
            </pre>
          ) : preview?.status === 'error' ? (
            <p className="message message-error">{preview.message}</p>
          ) : (
            <p className="hint">Preparing the request…</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
