/**
 * Every conversation ends within the longest span of its kind, and that bound is known without generating the
 * conversation: the details query relies on it to skip conversations that ended before its interval.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SPAN_MS } from '../../../../main/simulator/generator/conversation';
import { MAX_CONVERSATION_SPAN_MS } from '../../../../main/simulator/engine/selection';
import { DAY, HOUR, NOW, dataset } from './helpers';

/** The bound a conversation's media must respect (inbound and outbound calls share the voice bound). */
const BOUND_BY_MEDIA: Record<string, number> = {
  voice: MAX_SPAN_MS.inboundVoice,
  chat: MAX_SPAN_MS.chat,
  message: MAX_SPAN_MS.message,
  email: MAX_SPAN_MS.email,
  callback: MAX_SPAN_MS.callback,
};

describe('conversation spans', () => {
  it('end every conversation by the bound of its kind, and that bound is learnt without building anything', () => {
    const ds = dataset({ perDay: 6000, daysBack: 40, timeZone: 'America/Chicago' });
    const index = ds.startsBetween?.(NOW - 30 * DAY, NOW);
    const length = index?.length ?? 0;
    expect(length).toBeGreaterThan(100_000);
    const bounds = Array.from({ length }, (_, i) => index?.endBoundAt?.(i) ?? Number.NaN);
    expect(ds.stats()).toMatchObject({ conversationsBuilt: 0, endsComputed: 0 });

    const longest: Record<string, number> = {};
    const wrongBound: string[] = [];
    const overran: string[] = [];
    let inProgress = 0;
    for (let i = 0; i < length; i++) {
      const conversation = index?.conversationAt(i);
      const start = Date.parse(conversation?.conversationStart ?? '');
      const media = conversation?.participants?.[0]?.sessions?.[0]?.mediaType ?? 'unknown';
      const bound = bounds[i] ?? Number.NaN;
      if (bound - start !== BOUND_BY_MEDIA[media]) wrongBound.push(`${conversation?.conversationId} ${media}`);
      if (conversation?.conversationEnd === undefined) {
        inProgress++;
        continue;
      }
      const span = Date.parse(conversation.conversationEnd) - start;
      if (span > bound - start) overran.push(`${conversation.conversationId} ${media} ${span} ms`);
      longest[media] = Math.max(longest[media] ?? 0, span);
    }
    expect(wrongBound).toEqual([]);
    expect(overran).toEqual([]);
    expect(inProgress).toBeGreaterThan(0);
    // The bounds cut only the far tail: the longest calls still run past half an hour and emails past 12 hours.
    expect(longest.voice).toBeGreaterThan(HOUR / 2);
    expect(longest.email).toBeGreaterThan(12 * HOUR);
  }, 60_000);

  it('never exceed the day the engine looks back for conversations still going', () => {
    expect(Math.max(...Object.values(MAX_SPAN_MS))).toBeLessThanOrEqual(MAX_CONVERSATION_SPAN_MS);
  });
});
