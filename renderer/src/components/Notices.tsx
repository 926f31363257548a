import { useState } from 'react';
import { useAppStore } from '../state/app-store';

/** Things the core wants said once (e.g. a damaged cache was set aside); each can be dismissed. */
export function Notices() {
  const appInfo = useAppStore((state) => state.appInfo);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const notices = appInfo.status === 'ready' ? (appInfo.value.notices ?? []) : [];
  const shown = notices.filter((notice) => !dismissed.includes(notice));
  if (shown.length === 0) return null;
  return (
    <ul className="notices empty-state" aria-label="Notices">
      {shown.map((notice) => (
        <li key={notice} className="button-row">
          <span role="status">{notice}</span>
          <button type="button" className="secondary small" onClick={() => setDismissed((list) => [...list, notice])}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
