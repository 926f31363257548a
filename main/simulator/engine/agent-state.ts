/**
 * Queue membership and each agent's presence/routing status at now().
 *
 * The dataset has users and queues but no membership table or presence
 * timeline, so both are derived from conversations (assumption, documented
 * for docs/simulator.md):
 * - a user is a member of a queue when they handled a conversation segment on
 *   it during the last MEMBERSHIP_WINDOW_MS; deleted users are never members;
 * - an agent with an open agent leg is On Queue / INTERACTING (alerting and
 *   wrap-up included: routing keeps them busy);
 * - an agent whose last activity ended within ON_QUEUE_IDLE_MS is On Queue / IDLE;
 * - an agent active within SHIFT_MS is Available but off queue (OFF_QUEUE);
 * - anyone else is Offline (OFF_QUEUE).
 * Membership is rebuilt once per hour of now(); last activity at most every
 * 10 s of now(); open legs (who is busy) are read on every call.
 */
import { createHash } from 'node:crypto';
import type { OrgDataset } from '../model';
import { parseMs } from './facts';
import { DAY_MS, HOUR_MS, floorHour } from './interval';
import { type OpenLeg, isAgentLeg } from './live-state';

export const MEMBERSHIP_WINDOW_MS = 2 * DAY_MS;
export const ON_QUEUE_IDLE_MS = 30 * 60_000;
export const SHIFT_MS = 8 * HOUR_MS;

export type SystemPresence = 'ON_QUEUE' | 'AVAILABLE' | 'OFFLINE';
export type RoutingStatus = 'IDLE' | 'INTERACTING' | 'OFF_QUEUE';

export interface AgentState {
  readonly userId: string;
  readonly presence: SystemPresence;
  readonly routingStatus: RoutingStatus;
  /** When the current state began, for observation items. */
  readonly sinceMs: number;
}

export const SYSTEM_PRESENCES: readonly SystemPresence[] = ['ON_QUEUE', 'AVAILABLE', 'OFFLINE'];

/** Stable org presence ids (the qualifiers of oUserPresences), derived from the org id. */
export function presenceDefinitionId(orgId: string, presence: SystemPresence): string {
  const hex = createHash('sha1').update(`${orgId}:presence:${presence}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Last-activity scans are reused for this long: observation polling asks many times a minute. */
const ACTIVITY_REUSE_MS = 10_000;

export class AgentStates {
  private membership: { hour: number; byQueue: Map<string, Set<string>> } | undefined;
  private activity: { slot: number; lastByUser: Map<string, number> } | undefined;

  constructor(private readonly dataset: OrgDataset) {}

  membersOf(queueId: string, nowMs: number): readonly string[] {
    const hour = floorHour(nowMs);
    if (this.membership?.hour !== hour) this.membership = { hour, byQueue: this.scanMembership(nowMs) };
    return [...(this.membership.byQueue.get(queueId) ?? [])].sort();
  }

  private scanMembership(nowMs: number): Map<string, Set<string>> {
    const current = new Set(this.dataset.users.filter((u) => u.state !== 'deleted').map((u) => u.id ?? ''));
    const byQueue = new Map<string, Set<string>>();
    for (const conversation of this.dataset.conversationsBetween(nowMs - MEMBERSHIP_WINDOW_MS, nowMs + 1)) {
      for (const participant of conversation.participants ?? []) {
        const userId = participant.userId;
        if (!userId || !current.has(userId)) continue;
        for (const session of participant.sessions ?? []) {
          for (const segment of session.segments ?? []) {
            if (!segment.queueId) continue;
            let members = byQueue.get(segment.queueId);
            if (!members) byQueue.set(segment.queueId, (members = new Set()));
            members.add(userId);
          }
        }
      }
    }
    return byQueue;
  }

  /** States of the given users at now, from their open legs and their recent activity. */
  statesOf(userIds: readonly string[], legs: readonly OpenLeg[], nowMs: number): AgentState[] {
    const wanted = new Set(userIds);
    const busySince = new Map<string, number>();
    for (const leg of legs) {
      const userId = leg.participant.userId;
      if (!userId || !wanted.has(userId) || !isAgentLeg(leg)) continue;
      busySince.set(userId, Math.min(busySince.get(userId) ?? leg.segmentStartMs, leg.segmentStartMs));
    }
    const slot = Math.floor(nowMs / ACTIVITY_REUSE_MS);
    if (this.activity?.slot !== slot) this.activity = { slot, lastByUser: this.lastActivity(nowMs) };
    const lastActive = this.activity.lastByUser;
    return userIds.map((userId) => {
      const busy = busySince.get(userId);
      if (busy !== undefined) return { userId, presence: 'ON_QUEUE', routingStatus: 'INTERACTING', sinceMs: busy };
      const last = lastActive.get(userId);
      if (last !== undefined && nowMs - last <= ON_QUEUE_IDLE_MS) {
        return { userId, presence: 'ON_QUEUE', routingStatus: 'IDLE', sinceMs: last };
      }
      if (last !== undefined && nowMs - last <= SHIFT_MS) {
        return { userId, presence: 'AVAILABLE', routingStatus: 'OFF_QUEUE', sinceMs: last + ON_QUEUE_IDLE_MS };
      }
      const since = last === undefined ? nowMs - SHIFT_MS : last + SHIFT_MS;
      return { userId, presence: 'OFFLINE', routingStatus: 'OFF_QUEUE', sinceMs: since };
    });
  }

  private lastActivity(nowMs: number): Map<string, number> {
    const last = new Map<string, number>();
    for (const conversation of this.dataset.conversationsBetween(nowMs - SHIFT_MS - DAY_MS, nowMs + 1)) {
      for (const participant of conversation.participants ?? []) {
        const userId = participant.userId;
        if (!userId) continue;
        for (const session of participant.sessions ?? []) {
          for (const segment of session.segments ?? []) {
            const at = parseMs(segment.segmentEnd) ?? parseMs(segment.segmentStart);
            if (at !== undefined && at <= nowMs && at > (last.get(userId) ?? Number.NEGATIVE_INFINITY)) {
              last.set(userId, at);
            }
          }
        }
      }
    }
    return last;
  }
}
