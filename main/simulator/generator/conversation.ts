/** One conversation from its (day, index) key: picks the kind and hands over to its builder. */
import type { Conversation } from '../model';
import { callback } from './callback';
import type { BuildContext } from './context';
import { digitalInbound } from './digital';
import { ConversationDraft } from './draft';
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
  const rng = Rng.derive(source.root, Stream.conversation, day, index);
  const conversationId = source.ids.encode({ day, index }, rng);
  const ctx: BuildContext = { org: source.org, day, rng, draft: new ConversationDraft(rng, start), load };
  const kind = KINDS[rng.weighted(KIND_CDF)] ?? 'inboundVoice';
  const conversation = build(ctx, conversationId, kind);
  return { conversation, endMs: ctx.draft.end };
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
