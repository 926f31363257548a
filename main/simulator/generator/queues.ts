/**
 * Queues: named by topic and channel ("Billing – Voice"), with per-media
 * service-level targets and alerting timeouts, and agents as members.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { divisionRef, pickDivision } from './divisions';
import { randomUuid } from './ids';
import { QUEUE_TOPICS } from './names';
import type { AgentProfile, QueueProfile } from './org';
import { cumulative, type Rng } from './random';
import { isoDay } from './timestamps';

export type Media = 'voice' | 'chat' | 'email' | 'message' | 'callback';
export const MEDIA: readonly Media[] = ['voice', 'chat', 'email', 'message', 'callback'];

const QUEUE_SUFFIX: Record<Media, string> = {
  voice: 'Voice',
  chat: 'Chat',
  email: 'Email',
  message: 'Messaging',
  callback: 'Callback',
};

const MEDIA_SHARE: Record<Media, number> = { voice: 0.45, chat: 0.15, email: 0.15, message: 0.15, callback: 0.1 };

/** [percentage, durationMs] choices per media, plus the alerting timeout in seconds. */
const SERVICE_LEVELS: Record<Media, { targets: readonly (readonly [number, number])[]; alertSeconds: number[] }> = {
  voice: {
    targets: [
      [0.8, 20_000],
      [0.8, 30_000],
      [0.9, 20_000],
      [0.7, 60_000],
      [0.85, 45_000],
    ],
    alertSeconds: [8, 10, 12, 15],
  },
  chat: {
    targets: [
      [0.8, 60_000],
      [0.85, 90_000],
      [0.9, 30_000],
    ],
    alertSeconds: [30],
  },
  email: {
    targets: [
      [0.8, 4 * 3_600_000],
      [0.9, 8 * 3_600_000],
      [0.8, 12 * 3_600_000],
    ],
    alertSeconds: [300],
  },
  message: {
    targets: [
      [0.8, 300_000],
      [0.8, 600_000],
      [0.9, 120_000],
    ],
    alertSeconds: [30],
  },
  callback: {
    targets: [
      [0.8, 3_600_000],
      [0.9, 1_800_000],
    ],
    alertSeconds: [30],
  },
};

export function buildQueues(rng: Rng, count: number, divisions: Models.AuthzDivision[]): QueueProfile[] {
  const perMedia = {} as Record<Media, number>;
  let assigned = 0;
  for (const media of MEDIA) {
    if (media === 'voice') continue;
    perMedia[media] = Math.max(1, Math.round(count * MEDIA_SHARE[media]));
    assigned += perMedia[media];
  }
  perMedia.voice = count - assigned;

  const profiles: QueueProfile[] = [];
  for (const media of MEDIA) {
    const topics = rng.shuffled(QUEUE_TOPICS).slice(0, perMedia[media]);
    const levels = SERVICE_LEVELS[media];
    topics.forEach((topic, i) => {
      const [percentage, durationMs] = rng.pick(levels.targets);
      // One voice queue name carries a comma, quotes and markup, as real admins do type.
      const name =
        media === 'voice' && i === topics.length - 1
          ? `${topic}, "Gold" & <b>VIP</b> – ${QUEUE_SUFFIX[media]}`
          : `${topic} – ${QUEUE_SUFFIX[media]}`;
      profiles.push({
        id: randomUuid(rng),
        name,
        media,
        divisionId: pickDivision(rng, divisions).id ?? '',
        serviceLevel: { percentage, durationMs },
        alertMs: rng.pick(levels.alertSeconds) * 1000,
        acwTimeoutMs: rng.pick([60_000, 90_000, 120_000, 180_000]),
        pressure: rng.between(0.7, 1.3),
        members: [],
        stayers: [],
      });
    });
  }
  return profiles;
}

export function assignMembers(rng: Rng, agents: AgentProfile[], queues: QueueProfile[]): void {
  const workers = agents.filter((a) => a.user.title !== 'Team Lead');
  const weights = cumulative(queues.map((q) => (q.media === 'voice' ? 3 : 1)));
  for (const agent of workers) {
    const k = rng.int(1, 3);
    for (let i = 0; i < k; i++) {
      const queue = queues[rng.weighted(weights)] as QueueProfile;
      if (!queue.members.includes(agent)) queue.members.push(agent);
    }
  }
  for (const queue of queues) {
    while (queue.members.length < 3 || queue.members.filter((a) => a.deletedDay === undefined).length < 2) {
      const agent = rng.pick(workers);
      if (!queue.members.includes(agent)) queue.members.push(agent);
    }
    queue.stayers = queue.members.filter((a) => a.deletedDay === undefined);
  }
}

export function queueModel(
  rng: Rng,
  q: QueueProfile,
  divisions: Models.AuthzDivision[],
  anchorDay: number,
): Models.Queue {
  const division = divisions.find((d) => d.id === q.divisionId) ?? divisions[0];
  const setting = (media: Media) => {
    const own = media === q.media;
    const [percentage, durationMs] = own
      ? [q.serviceLevel.percentage, q.serviceLevel.durationMs]
      : (SERVICE_LEVELS[media].targets[0] as readonly [number, number]);
    return {
      alertingTimeoutSeconds: own ? q.alertMs / 1000 : (SERVICE_LEVELS[media].alertSeconds[0] ?? 30),
      serviceLevel: { percentage, durationMs },
      enableAutoAnswer: false,
    };
  };
  const current = q.members.filter((a) => a.deletedDay === undefined).length;
  return {
    id: q.id,
    name: q.name,
    division: divisionRef(division),
    description: `${q.name} queue`,
    dateCreated: isoDay(anchorDay - rng.int(400, 1500)),
    dateModified: isoDay(anchorDay - rng.int(1, 300)),
    memberCount: current,
    userMemberCount: current,
    joinedMemberCount: Math.round(current * rng.between(0.5, 0.9)),
    mediaSettings: {
      call: setting('voice'),
      chat: setting('chat'),
      email: setting('email'),
      message: setting('message'),
      callback: { ...setting('callback'), mode: 'AgentFirst' },
    },
    acwSettings: { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: q.acwTimeoutMs },
    skillEvaluationMethod: 'BEST',
    selfUri: `/api/v2/routing/queues/${q.id}`,
  };
}
