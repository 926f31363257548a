/** One conversation from its (day, index) key: picks the kind and hands over to its builder. */
import type { Conversation } from '../model';
import { callback } from './callback';
import type { BuildContext } from './context';
import { digitalInbound } from './digital';
import { ConversationDraft, EndOnlyDraft } from './draft';
import type { ConversationIds } from './ids';
import type { OrgModel } from './org';
import { outboundVoice } from './outbound';
import { cumulative, Rng, type SeedWords, Stream } from './random';
import { inboundVoice } from './voice';

type Kind = 'inboundVoice' | 'outboundVoice' | 'chat' | 'email' | 'message' | 'callback';

const KINDS: readonly Kind[] = ['inboundVoice', 'outboundVoice', 'chat', 'email', 'message', 'callback'];
const KIND_CDF = cumulative([0.6, 0.1, 0.09, 0.08, 0.09, 0.04]);

export interface ConversationSource {
  org: OrgModel;
  ids: ConversationIds;
  root: SeedWords;
}

export interface Built {
  conversation: Conversation;
  /** conversationEnd in ms, so callers need not parse it back. */
  endMs: number;
}

export function buildConversation(
  source: ConversationSource,
  day: number,
  index: number,
  start: number,
  load: number,
): Built {
  const ctx = run(source, day, index, start, load, ConversationDraft);
  return { conversation: ctx.conversation, endMs: ctx.draft.end };
}

/**
 * When the conversation at (day, index) ends, for little more than the cost
 * of its random draws: the builders run as for `buildConversation` (so the end
 * is the same) against a draft that writes nothing.
 */
export function conversationEnd(
  source: ConversationSource,
  day: number,
  index: number,
  start: number,
  load: number,
): number {
  return run(source, day, index, start, load, EndOnlyDraft).draft.end;
}

function run(
  source: ConversationSource,
  day: number,
  index: number,
  start: number,
  load: number,
  Draft: new (rng: Rng, start: number) => ConversationDraft,
): { conversation: Conversation; draft: ConversationDraft } {
  const rng = Rng.derive(source.root, Stream.conversation, day, index);
  const conversationId = source.ids.encode({ day, index }, rng);
  const draft = new Draft(rng, start);
  const ctx: BuildContext = { org: source.org, day, rng, draft, load };
  const kind = KINDS[rng.weighted(KIND_CDF)] ?? 'inboundVoice';
  return { conversation: build(ctx, conversationId, kind), draft };
}

function build(ctx: BuildContext, conversationId: string, kind: Kind): Conversation {
  switch (kind) {
    case 'inboundVoice':
      return inboundVoice(ctx, conversationId);
    case 'outboundVoice':
      return outboundVoice(ctx, conversationId);
    case 'callback':
      return callback(ctx, conversationId);
    default:
      return digitalInbound(ctx, conversationId, kind);
  }
}
