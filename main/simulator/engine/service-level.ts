/**
 * `oServiceLevel` (fact sheet §6.2, §7). Built from the same session metrics
 * a client can read in details, so it agrees with them bucket for bucket:
 *
 *   numerator   = answered − answered over SLA    (tAnswered count − nOverSla count)
 *   denominator = answered + abandoned − short abandons
 *   ratio       = numerator / denominator
 *   target      = the queue's `mediaSettings.<media>.serviceLevel.percentage`
 *
 * That is the Resource Center formula with "Include Abandons" on, "Include
 * Short Abandons" off and "Include Flowouts" off. Those option defaults and
 * whether `oServiceLevel` honours the org's options are unverified (§15.3);
 * this choice is an assumption. Short abandons are assumed to also carry
 * tAbandon (a short abandon is an abandon), hence the subtraction. Each input
 * counts in the bucket of its own emitDate. With an empty denominator the
 * metric is absent, like any metric without data.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { MetricFact, Session } from './facts';

export const SERVICE_LEVEL_INPUTS: readonly string[] = ['tAnswered', 'nOverSla', 'tAbandon', 'tShortAbandon'];

/** AnalyticsSession.mediaType → the QueueMediaSettings key holding its service level. */
const MEDIA_SETTINGS_KEY: Record<string, 'call' | 'callback' | 'chat' | 'email' | 'message'> = {
  voice: 'call',
  callback: 'callback',
  chat: 'chat',
  email: 'email',
  message: 'message',
};

export class ServiceLevelStats {
  answered = 0;
  overSla = 0;
  abandoned = 0;
  shortAbandoned = 0;
  readonly targets = new Set<number>();

  add(fact: MetricFact, target: number | undefined): void {
    if (fact.name === 'tAnswered') this.answered += 1;
    else if (fact.name === 'nOverSla') this.overSla += fact.value;
    else if (fact.name === 'tAbandon') this.abandoned += 1;
    else if (fact.name === 'tShortAbandon') this.shortAbandoned += 1;
    if (target !== undefined) this.targets.add(target);
  }

  /** A target only when every contributing queue agrees on it; mixed targets have no single value. */
  private target(): number | undefined {
    return this.targets.size === 1 ? [...this.targets][0] : undefined;
  }

  serviceLevel(): Models.StatisticalSummary | undefined {
    const denominator = this.answered + this.abandoned - this.shortAbandoned;
    if (denominator <= 0) return undefined;
    const numerator = this.answered - this.overSla;
    const target = this.target();
    return { ratio: numerator / denominator, numerator, denominator, ...(target === undefined ? {} : { target }) };
  }

  serviceTarget(): Models.StatisticalSummary | undefined {
    const target = this.target();
    return target === undefined ? undefined : { target };
  }
}

/** Looks up the service-level target of the queue a session belongs to (remembered per session). */
export function serviceLevelTargets(queues: readonly Models.Queue[]): (fact: MetricFact) => number | undefined {
  const byId = new Map(queues.map((q) => [q.id ?? '', q]));
  const known = new WeakMap<Session, number | null>();
  return (fact) => {
    let target = known.get(fact.session);
    if (target === undefined) {
      const queueId = fact.session.segments?.find((s) => s.queueId)?.queueId;
      const key = MEDIA_SETTINGS_KEY[fact.session.mediaType ?? ''];
      target = (queueId && key ? byId.get(queueId)?.mediaSettings?.[key]?.serviceLevel?.percentage : undefined) ?? null;
      known.set(fact.session, target);
    }
    return target ?? undefined;
  };
}
