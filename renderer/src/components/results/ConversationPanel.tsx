import { useEffect, useRef, useState } from 'react';
import type { ConversationTimeline } from '../../../../preload/contract/workspace-types';
import { client } from '../../api/client';
import { formatMoment } from '../../format/datetime';
import { useAppStore } from '../../state/app-store';
import { useGridStore } from '../../state/grid-store';
import { load, type Loadable } from '../../state/loadable';
import { LoadableView } from '../StatusMessage';
import { Timeline } from './Timeline';

interface Props {
  connectionId: string;
  zone: string;
}

/** The Interactions row the supervisor opened: participants and segments as a timeline. Escape closes it. */
export function ConversationPanel({ connectionId, zone }: Props) {
  const conversationId = useGridStore((state) => state.conversationId);
  const openConversation = useGridStore((state) => state.openConversation);
  const durationFormat = useAppStore((state) =>
    state.settings.status === 'ready' ? state.settings.value.durationFormat : 'hms',
  );
  // Keyed by conversation, so a newly opened row shows "loading" without resetting state inside the effect.
  const [answer, setAnswer] = useState<{ id: string; timeline: Loadable<ConversationTimeline> } | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!conversationId) return;
    let current = true;
    closeButton.current?.focus();
    void load(() => client.reports.conversation({ connectionId, conversationId })).then((timeline) => {
      if (current) setAnswer({ id: conversationId, timeline });
    });
    return () => {
      current = false;
    };
  }, [connectionId, conversationId]);

  if (!conversationId) return null;
  const timeline: Loadable<ConversationTimeline> =
    answer?.id === conversationId ? answer.timeline : { status: 'loading' };
  return (
    <aside
      className="detail-panel"
      aria-labelledby="detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') openConversation(null);
      }}
    >
      <div className="detail-header">
        <h2 id="detail-title">Interaction details</h2>
        <button ref={closeButton} type="button" className="secondary small" onClick={() => openConversation(null)}>
          Close details
        </button>
      </div>
      <p className="hint id-text">{conversationId}</p>
      <LoadableView data={timeline} what="the interaction">
        {(value) => (
          <>
            <p>
              Started {formatMoment(value.start, zone)}
              {value.end === null ? ' · still in progress' : ` · ended ${formatMoment(value.end, zone)}`}
            </p>
            <Timeline timeline={value} zone={zone} durationFormat={durationFormat} />
          </>
        )}
      </LoadableView>
    </aside>
  );
}
