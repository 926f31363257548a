import type { Models } from 'purecloud-platform-client-v2';
import { generateConversations } from './conversations';

export const PAGE_SIZE = 200;
export const PAGES_START = Date.UTC(2024, 4, 1);

/** Page n of a pretend details sync: the same conversations every time it is asked for (as a retry would get). */
export function detailsPageFor(page: number): Models.AnalyticsConversation[] {
  return generateConversations({
    seed: page,
    start: PAGES_START + (page - 1) * 3_600_000,
    spanMs: 3_600_000,
    count: PAGE_SIZE,
  }).map((conversation, index) => ({ ...conversation, conversationId: `page-${page}-conv-${index}` }));
}
