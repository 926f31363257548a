import type { ConversationTimeline, TimelineSegment } from '../../../../preload/contract/workspace-types';
import type { DurationFormat } from '../../../../preload/contract/types';
import { formatCellDateTime } from '../../format/datetime';
import { formatDuration } from '../../format/duration';

interface Props {
  timeline: ConversationTimeline;
  zone: string;
  durationFormat: DurationFormat;
}

const WORDS: Record<string, string> = {
  acd: 'Queue',
  agent: 'Agent',
  customer: 'Customer',
  external: 'External party',
  ivr: 'IVR',
  workflow: 'Flow',
  outbound: 'Outbound dialer',
  user: 'User',
  voicemail: 'Voicemail',
};

function title(word: string): string {
  return WORDS[word] ?? word.charAt(0).toUpperCase() + word.slice(1);
}

function segmentText(segment: TimelineSegment, zone: string, durationFormat: DurationFormat): string {
  const time = formatCellDateTime(segment.start, zone).slice(11);
  const length = segment.end === null ? 'still going' : formatDuration(segment.end - segment.start, durationFormat);
  const parts = [`${time} ${title(segment.type)} (${length})`];
  if (segment.queueName) parts.push(`queue ${segment.queueName}`);
  if (segment.wrapUpName) parts.push(`wrap-up ${segment.wrapUpName}`);
  if (segment.disconnectType) parts.push(`ended by ${segment.disconnectType}`);
  return parts.join(' · ');
}

/** Who took part and what happened when, as a list a screen reader can read, with bars for the eye. */
export function Timeline({ timeline, zone, durationFormat }: Props) {
  const start = timeline.start;
  // Wrap-up can outlast the conversation, so the scale runs to the last segment's end.
  const end = Math.max(timeline.end ?? start + 1, ...collectEnds(timeline));
  const span = Math.max(end - start, 1);
  const bar = (segment: TimelineSegment) => {
    const left = Math.min(99.5, Math.max(0, ((segment.start - start) / span) * 100));
    const width = (((segment.end ?? end) - segment.start) / span) * 100;
    return { left: `${left}%`, width: `${Math.min(100 - left, Math.max(0.5, width))}%` };
  };
  return (
    <ol className="timeline">
      {timeline.participants.map((participant, index) => (
        <li key={`${participant.purpose}-${index}`} className="participant">
          <h3>
            {title(participant.purpose)}: {participant.name}
          </h3>
          {participant.sessions.map((session, sessionIndex) => (
            <div key={sessionIndex} className="session">
              <p className="hint">
                {[
                  title(session.mediaType),
                  session.direction ? title(session.direction) : null,
                  session.ani ? `from ${session.ani}` : null,
                  session.dnis ? `to ${session.dnis}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <ul className="segments">
                {session.segments.map((segment, segmentIndex) => (
                  <li key={segmentIndex} className={`segment segment-${segment.type}`}>
                    <span className="segment-track" aria-hidden="true">
                      <span className="segment-bar" style={bar(segment)} />
                    </span>
                    <span>{segmentText(segment, zone, durationFormat)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}

function collectEnds(timeline: ConversationTimeline): number[] {
  return timeline.participants.flatMap((participant) =>
    participant.sessions.flatMap((session) => session.segments.map((segment) => segment.end ?? segment.start)),
  );
}
