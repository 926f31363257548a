/**
 * Response copies of dataset conversations. The sync query and the single
 * conversation endpoint return `AnalyticsConversationWithoutAttributes`: the
 * participant `attributes` (participant data) appear only in job results
 * (fact sheet §4.2, §5). Copies are shallow: the dataset's objects are shared
 * with later queries and must never be handed out for mutation.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation } from '../model';

export function withoutAttributes(conversation: Conversation): Models.AnalyticsConversationWithoutAttributes {
  const { participants, ...rest } = conversation;
  if (!participants) return { ...rest };
  return {
    ...rest,
    participants: participants.map((participant) => {
      const { attributes: _attributes, ...kept } = participant;
      return kept;
    }),
  };
}

/** Job results carry participant data with keys and values cut to 1024 characters (fact sheet §5). */
export const ATTRIBUTE_MAX_CHARS = 1024;

function truncateAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    out[key.slice(0, ATTRIBUTE_MAX_CHARS)] = String(value).slice(0, ATTRIBUTE_MAX_CHARS);
  }
  return out;
}

export function withAttributes(conversation: Conversation): Models.AnalyticsConversation {
  const { participants, ...rest } = conversation;
  if (!participants) return { ...rest };
  return {
    ...rest,
    participants: participants.map((participant) =>
      participant.attributes
        ? { ...participant, attributes: truncateAttributes(participant.attributes) }
        : { ...participant },
    ),
  };
}
