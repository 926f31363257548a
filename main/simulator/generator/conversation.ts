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

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/**
 * The longest a conversation of each kind lasts, start to end, guaranteed: a draw that runs longer is drawn
 * again (see `run`). Each bound sits above the longest of several hundred thousand generated conversations of
 * its kind (calls 47 min, chats 60 min, messages 4 h, callbacks 12.8 h, emails 16.6 h: queues give up after
 * 16 h), so redraws are vanishingly rare and cut only the far tail. Knowing the kind (cheap: `maxSpanOf`), a
 * query can skip conversations that must have ended before its interval without generating them. No bound
 * exceeds a day, which the engine relies on when it looks back for conversations still going
 * (MAX_CONVERSATION_SPAN_MS).
 */
export const MAX_SPAN_MS: Readonly<Record<Kind, number>> = {
  inboundVoice: 50 * MINUTE_MS,
  outboundVoice: 50 * MINUTE_MS,
  chat: 75 * MINUTE_MS,
  message: 5 * HOUR_MS,
  email: 18 * HOUR_MS,
  callback: 14 * HOUR_MS,
};

/** Redraws allowed before a conversation that keeps overrunning its bound is treated as a generator bug. */
const MAX_REDRAWS = 16;

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

/** The id and kind of the conversation at (day, index); the rest of its draws continue from the returned rng. */
function head(
  source: ConversationSource,
  day: number,
  index: number,
): { rng: Rng; conversationId: string; kind: Kind } {
  const rng = Rng.derive(source.root, Stream.conversation, day, index);
  const conversationId = source.ids.encode({ day, index }, rng);
  return { rng, conversationId, kind: kindFrom(rng) };
}

function kindFrom(rng: Rng): Kind {
  return KINDS[rng.weighted(KIND_CDF)] ?? 'inboundVoice';
}

/** The longest the conversation at (day, index) can last, for the cost of a few random draws. */
export function maxSpanOf(source: ConversationSource, day: number, index: number): number {
  const rng = Rng.derive(source.root, Stream.conversation, day, index);
  source.ids.skip(rng);
  return MAX_SPAN_MS[kindFrom(rng)];
}

function run(
  source: ConversationSource,
  day: number,
  index: number,
  start: number,
  load: number,
  Draft: new (rng: Rng, start: number) => ConversationDraft,
): { conversation: Conversation; draft: ConversationDraft } {
  const first = head(source, day, index);
  const { conversationId, kind } = first;
  let rng = first.rng;
  // The first draw is kept almost always; redraws (same id and kind) only cut off the far tail.
  for (let redraw = 0; ; redraw++) {
    const draft = new Draft(rng, start);
    const conversation = build({ org: source.org, day, rng, draft, load }, conversationId, kind);
    if (draft.end - start <= MAX_SPAN_MS[kind]) return { conversation, draft };
    if (redraw === MAX_REDRAWS) {
      throw new RangeError(`conversation ${conversationId} (${kind}) keeps lasting longer than its bound`);
    }
    rng = Rng.derive(source.root, Stream.conversation, day, index, redraw + 1);
  }
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
