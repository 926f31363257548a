/**
 * The org and its reference data, built once from the seed: divisions,
 * queues with per-media service-level targets, users (some deleted, some
 * renamed since), wrap-up codes and IVR flows. Alongside the SDK shapes the
 * API returns, it keeps what conversations need to pick people and queues.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { SimulatorSettings } from '../model';
import type { OrgCalendar } from './calendar';
import { buildDivisions } from './divisions';
import { randomUuid } from './ids';
import { ADVERSARIAL_WRAPUP_NAMES, FLOW_NAMES, ORG_NAMES, WRAPUP_NAMES } from './names';
import { buildAgents, slug } from './people';
import { type Country, countryForZone, serviceNumber } from './phone';
import { assignMembers, buildQueues, MEDIA, type Media, queueModel } from './queues';
import { clamp, cumulative, Rng, type SeedWords, Stream } from './random';
import { isoDay } from './timestamps';

export interface AgentProfile {
  id: string;
  user: Models.User;
  /** Name before `renamedDay`; conversations from then carry it as participantName. */
  oldName?: string;
  renamedDay?: number;
  /** First local day the user no longer exists; absent for current users. */
  deletedDay?: number;
}

export interface QueueProfile {
  id: string;
  name: string;
  media: Media;
  divisionId: string;
  /** Service-level target for the queue's own media. */
  serviceLevel: { percentage: number; durationMs: number };
  alertMs: number;
  acwTimeoutMs: number;
  /** >1 means understaffed: longer waits, more abandons. */
  pressure: number;
  members: AgentProfile[];
  /** Members never deleted, so every day has someone to answer. */
  stayers: AgentProfile[];
}

export interface Flow {
  id: string;
  name: string;
  version: string;
  dnis: string;
  divisionId: string;
}

export interface QueuePool {
  queues: QueueProfile[];
  cdf: Float64Array;
}

export interface OrgModel {
  organization: Models.Organization;
  divisions: Models.AuthzDivision[];
  queues: Models.Queue[];
  users: Models.User[];
  wrapupCodes: Models.WrapupCode[];
  agents: AgentProfile[];
  queueProfiles: QueueProfile[];
  pools: Record<Media, QueuePool>;
  wrapupIds: string[];
  wrapupCdf: Float64Array;
  flows: Flow[];
  country: Country;
  emailDomain: string;
  /**
   * Deletions and renames are dated back from this day: the start of the
   * week of construction, so restarting the simulator within a week keeps
   * the same history (dating them from "now" would shift it every day).
   */
  anchorDay: number;
}

export function agentActiveOn(agent: AgentProfile, day: number): boolean {
  return agent.deletedDay === undefined || day < agent.deletedDay;
}

export function agentNameOn(agent: AgentProfile, day: number): string {
  if (agent.oldName !== undefined && agent.renamedDay !== undefined && day < agent.renamedDay) return agent.oldName;
  return agent.user.name ?? '';
}

export function buildOrg(settings: SimulatorSettings, root: SeedWords, calendar: OrgCalendar): OrgModel {
  const rng = Rng.derive(root, Stream.org);
  const today = calendar.dayOf(settings.now());
  const anchorDay = today - (((today % 7) + 7) % 7);
  const country = countryForZone(settings.timeZone);
  const perDay = Math.max(0, settings.perDay);
  const historyDays = Math.max(1, Math.floor(settings.daysBack));

  const orgName = rng.pick(ORG_NAMES);
  const orgSlug = slug(orgName);
  const emailDomain = `${orgSlug}.example.com`;
  const organization: Models.Organization = {
    id: randomUuid(rng),
    name: orgName,
    defaultLanguage: country.language,
    defaultCountryCode: country.code,
    thirdPartyOrgName: orgSlug,
    domain: orgSlug,
    version: rng.int(3, 40),
    state: 'active',
    voicemailEnabled: true,
    productPlatform: 'PureCloud',
    features: { realtimeCIC: false, purecloud: true, hipaa: false, ucEnabled: true, pci: false },
  };
  organization.selfUri = `/api/v2/organizations/${organization.id}`;

  const divisions = buildDivisions(rng);
  const home = divisions[0] as Models.AuthzDivision;

  const queueCount = clamp(Math.round((10 + Math.sqrt(perDay) / 3) * rng.between(0.75, 1.25)), 10, 60);
  const agentCount = clamp(Math.round(30 + perDay * rng.between(0.012, 0.03)), 30, 600);

  const agents = buildAgents(rng, agentCount, divisions, emailDomain, anchorDay, historyDays);
  const queueProfiles = buildQueues(rng, queueCount, divisions);
  assignMembers(rng, agents, queueProfiles);
  const queues = queueProfiles.map((q) => queueModel(rng, q, divisions, anchorDay));

  const pools = {} as Record<Media, QueuePool>;
  for (const media of MEDIA) {
    const members = queueProfiles.filter((q) => q.media === media);
    pools[media] = { queues: members, cdf: cumulative(members.map(() => rng.logNormal(1, 0.6))) };
  }

  const wrapNames = [
    ...rng.shuffled(WRAPUP_NAMES).slice(0, clamp(Math.round(rng.between(10, 21)), 10, WRAPUP_NAMES.length)),
    ...ADVERSARIAL_WRAPUP_NAMES,
  ];
  const wrapupCodes: Models.WrapupCode[] = wrapNames.map((name) => {
    const id = randomUuid(rng);
    return {
      id,
      name,
      division: { id: home.id, name: home.name, selfUri: home.selfUri },
      description: '',
      dateCreated: isoDay(anchorDay - rng.int(historyDays, historyDays + 900)),
      createdBy: agents[0]?.id ?? '',
      selfUri: `/api/v2/routing/wrapupcodes/${id}`,
    };
  });
  // "Resolved" and friends dominate; the odd ones are rare.
  const wrapupCdf = cumulative(wrapNames.map((n, i) => (ADVERSARIAL_WRAPUP_NAMES.includes(n) ? 0.3 : 6 / (1 + i))));

  const flows: Flow[] = rng
    .shuffled(FLOW_NAMES)
    .slice(0, rng.int(2, 4))
    .map((name) => ({
      id: randomUuid(rng),
      name,
      version: `${rng.int(1, 40)}.0`,
      dnis: serviceNumber(rng, country),
      // Architect flows live in Home in most orgs.
      divisionId: home.id ?? '',
    }));

  return {
    organization,
    divisions,
    queues,
    users: agents.map((a) => a.user),
    wrapupCodes,
    agents,
    queueProfiles,
    pools,
    wrapupIds: wrapupCodes.map((c) => c.id ?? ''),
    wrapupCdf,
    flows,
    country,
    emailDomain,
    anchorDay,
  };
}
