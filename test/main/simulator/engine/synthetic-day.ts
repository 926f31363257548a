/**
 * A day of many conversations shaped like the generator's (customer, queue and
 * agent legs with metrics), for timing the engine at realistic volume. Values
 * vary with the index only, so runs are repeatable.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation } from '../../../../main/simulator/model';

const QUEUES = ['queue-a', 'queue-b', 'queue-c', 'queue-d'];
const iso = (ms: number) => new Date(ms).toISOString();

export function syntheticDay(count: number, dayStartMs: number): Conversation[] {
  const out: Conversation[] = [];
  for (let i = 0; i < count; i++) {
    const start = dayStartMs + Math.floor((i * 86_000_000) / count);
    const wait = 5_000 + (i % 50) * 1_000;
    const talk = 60_000 + (i % 300) * 1_000;
    const acw = 10_000 + (i % 40) * 1_000;
    const answered = start + wait;
    const talkEnd = answered + talk;
    const end = talkEnd + acw;
    const queueId = QUEUES[i % QUEUES.length] ?? 'queue-a';
    const media = i % 5 === 0 ? 'chat' : 'voice';
    const id = `syn-${String(i).padStart(6, '0')}`;
    const metric = (name: string, value: number, at: number): Models.AnalyticsSessionMetric => ({
      name,
      value,
      emitDate: iso(at),
    });
    out.push({
      conversationId: id,
      conversationStart: iso(start),
      conversationEnd: iso(end),
      originatingDirection: 'inbound',
      divisionIds: ['division-home'],
      participants: [
        {
          participantId: `${id}-c`,
          purpose: 'customer',
          attributes: { account: `A-${i}` },
          sessions: [
            {
              sessionId: `${id}-s1`,
              mediaType: media,
              direction: 'inbound',
              ani: `tel:+1555${String(i).padStart(7, '0')}`,
              segments: [{ segmentType: 'system', segmentStart: iso(start), segmentEnd: iso(talkEnd) }],
            },
          ],
        },
        {
          participantId: `${id}-q`,
          purpose: 'acd',
          sessions: [
            {
              sessionId: `${id}-s2`,
              mediaType: media,
              direction: 'inbound',
              segments: [{ segmentType: 'interact', queueId, segmentStart: iso(start), segmentEnd: iso(answered) }],
              metrics: [
                metric('nOffered', 1, start),
                metric('tAcd', wait, answered),
                metric('tAnswered', wait, answered),
              ],
            },
          ],
        },
        {
          participantId: `${id}-a`,
          purpose: 'agent',
          userId: `user-${i % 200}`,
          sessions: [
            {
              sessionId: `${id}-s3`,
              mediaType: media,
              direction: 'inbound',
              segments: [
                { segmentType: 'interact', queueId, segmentStart: iso(answered), segmentEnd: iso(talkEnd) },
                {
                  segmentType: 'wrapup',
                  queueId,
                  segmentStart: iso(talkEnd),
                  segmentEnd: iso(end),
                  wrapUpCode: 'wrap-x',
                },
              ],
              metrics: [metric('tTalk', talk, talkEnd), metric('tAcw', acw, end), metric('tHandle', talk + acw, end)],
            },
          ],
        },
      ],
    });
  }
  return out;
}
