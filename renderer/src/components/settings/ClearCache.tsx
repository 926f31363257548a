import { useState } from 'react';
import { formatBytes } from '../../format/bytes';
import { useAppStore } from '../../state/app-store';

/** Clearing the cache is asked twice: offline reports stop working until they are fetched again. */
export function ClearCache({ cacheBytes }: { cacheBytes: number }) {
  const clearCache = useAppStore((state) => state.clearCache);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  if (!confirming) {
    return (
      <div className="clear-cache">
        <button type="button" className="secondary" onClick={() => setConfirming(true)} disabled={cacheBytes === 0}>
          Clear cache…
        </button>
        {message ? (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'message message-error' : 'message'}>
            {message.text}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="inline-form confirm" role="group" aria-label="Clear the cache?">
      <p>
        Remove all downloaded report data ({formatBytes(cacheBytes)}) from this computer? Saved reports, connections and
        settings are kept, but reports will need the network to run again.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void clearCache().then((problem) => {
              setBusy(false);
              setConfirming(false);
              setMessage(problem ? { text: problem, error: true } : { text: 'The cache is now empty.', error: false });
            });
          }}
        >
          Clear cache
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Keep the cache
        </button>
      </div>
    </div>
  );
}
