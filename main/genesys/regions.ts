import { GenesysError } from './genesys-error';

export interface GenesysRegion {
  /** The SDK's region key, e.g. `eu_west_1`. */
  key: string;
  /** The environment domain, e.g. `mypurecloud.ie`. */
  domain: string;
  /** A label for the region picker, e.g. "EMEA (Dublin)". */
  label: string;
  apiHost: string;
  loginHost: string;
}

/** Where one connection's calls go: API calls to `apiBase`, OAuth to `loginBase` (no trailing slash). */
export interface GenesysEnvironment {
  apiBase: string;
  loginBase: string;
  label: string;
  /** The region, or undefined for a custom base URL (the simulator, a gateway). */
  region: GenesysRegion | undefined;
}

// The 18 environments of PureCloudRegionHosts (fact sheet §1.2). Place names are our reading of the AWS region
// codes; the fact sheet marks the exact Genesys marketing names unverified.
const REGION_TABLE: ReadonlyArray<readonly [key: string, domain: string, area: string, place: string]> = [
  ['us_east_1', 'mypurecloud.com', 'Americas', 'US East'],
  ['eu_west_1', 'mypurecloud.ie', 'EMEA', 'Dublin'],
  ['ap_southeast_2', 'mypurecloud.com.au', 'Asia Pacific', 'Sydney'],
  ['ap_northeast_1', 'mypurecloud.jp', 'Asia Pacific', 'Tokyo'],
  ['eu_central_1', 'mypurecloud.de', 'EMEA', 'Frankfurt'],
  ['us_west_2', 'usw2.pure.cloud', 'Americas', 'US West'],
  ['ca_central_1', 'cac1.pure.cloud', 'Americas', 'Canada'],
  ['ap_northeast_2', 'apne2.pure.cloud', 'Asia Pacific', 'Seoul'],
  ['eu_west_2', 'euw2.pure.cloud', 'EMEA', 'London'],
  ['ap_south_1', 'aps1.pure.cloud', 'Asia Pacific', 'Mumbai'],
  ['us_east_2', 'use2.us-gov-pure.cloud', 'Americas', 'US East 2, FedRAMP'],
  ['sa_east_1', 'sae1.pure.cloud', 'Americas', 'São Paulo'],
  ['me_central_1', 'mec1.pure.cloud', 'EMEA', 'UAE'],
  ['ap_northeast_3', 'apne3.pure.cloud', 'Asia Pacific', 'Osaka'],
  ['eu_central_2', 'euc2.pure.cloud', 'EMEA', 'Zurich'],
  ['mx_central_1', 'mxc1.pure.cloud', 'Americas', 'Mexico'],
  ['ap_southeast_1', 'apse1.pure.cloud', 'Asia Pacific', 'Singapore'],
  ['eusc_de_east_1', 'edee1.eusc-pure.cloud', 'EU Sovereign Cloud', 'Germany'],
];

export const GENESYS_REGIONS: readonly GenesysRegion[] = REGION_TABLE.map(([key, domain, area, place]) => ({
  key,
  domain,
  label: `${area} (${place})`,
  // Host derivation as in the SDK's setEnvironment (fact sheet §1.1).
  apiHost: `api.${domain}`,
  loginHost: `login.${domain}`,
}));

const BY_KEY = new Map(GENESYS_REGIONS.map((region) => [region.key, region]));
const BY_DOMAIN = new Map(GENESYS_REGIONS.map((region) => [region.domain, region]));

/** Hosts people paste: the API and login hosts, and the web app they sign in at (`apps.<env>`). */
const HOST_PREFIXES = ['api.', 'login.', 'apps.'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
/** A custom URL naming one of these is almost certainly a mistyped region; refuse it rather than send credentials. */
const GENESYS_LOOKALIKE = /mypurecloud|pure\.cloud|pure-cloud|genesys/;

export class UnknownRegionError extends GenesysError {
  readonly code = 'unknown-region';
  override readonly name = 'UnknownRegionError';

  constructor(message: string) {
    super(message);
  }
}

/**
 * Turns what a person typed or picked into API and login base URLs. Accepts
 * a region key (`eu_west_1`), an environment domain (`mypurecloud.ie`), a
 * Genesys host or URL (`api.mypurecloud.ie`, `https://apps.mypurecloud.ie/…`),
 * or a custom `http(s)://host[:port]` base serving both /oauth and /api (the
 * simulator, or a gateway as in the SDK's setGateway, fact sheet §1.3).
 */
export function resolveEnvironment(input: string): GenesysEnvironment {
  const text = input.trim();
  if (text === '') throw new UnknownRegionError(`Pick a Genesys Cloud region. ${HOW_TO_FIX}`);
  const byKey = BY_KEY.get(text.toLowerCase().replaceAll('-', '_'));
  if (byKey) return regionEnvironment(byKey);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fromUrl(text);
  const host = text.toLowerCase().split('/')[0] ?? '';
  const region = regionForHost(host);
  if (region) return regionEnvironment(region);
  if (LOOPBACK_HOSTS.has(host.split(':')[0] ?? '')) {
    throw new UnknownRegionError(
      `'${quote(text)}' needs its scheme: for a server on this computer enter e.g. http://127.0.0.1:8080.`,
    );
  }
  throw notARegion(text);
}

export function findRegion(keyOrDomain: string): GenesysRegion | undefined {
  const text = keyOrDomain.trim().toLowerCase();
  return BY_KEY.get(text) ?? BY_DOMAIN.get(text);
}

function fromUrl(text: string): GenesysEnvironment {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UnknownRegionError(`'${quote(text)}' is not a web address we can use. ${HOW_TO_FIX}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnknownRegionError(`'${quote(text)}' must start with https://. ${HOW_TO_FIX}`);
  }
  if (url.username || url.password) {
    throw new UnknownRegionError('Leave the user name and password out of the address; you sign in separately.');
  }
  const region = regionForHost(url.hostname);
  if (region) return regionEnvironment(region);
  if (GENESYS_LOOKALIKE.test(url.hostname)) throw notARegion(url.host);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new UnknownRegionError(
      `'${quote(text)}' uses plain http, which is only allowed for a server on this computer (127.0.0.1 or localhost). Use https://.`,
    );
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new UnknownRegionError(
      `Enter only the server's base address, e.g. ${url.origin}, without a path; it must serve both /oauth and /api.`,
    );
  }
  return { apiBase: url.origin, loginBase: url.origin, label: `Custom server (${url.host})`, region: undefined };
}

function regionForHost(rawHost: string): GenesysRegion | undefined {
  const host = rawHost.replace(/\.$/, '');
  const direct = BY_DOMAIN.get(host);
  if (direct) return direct;
  const prefix = HOST_PREFIXES.find((candidate) => host.startsWith(candidate));
  return prefix ? BY_DOMAIN.get(host.slice(prefix.length)) : undefined;
}

function regionEnvironment(region: GenesysRegion): GenesysEnvironment {
  return {
    apiBase: `https://${region.apiHost}`,
    loginBase: `https://${region.loginHost}`,
    label: region.label,
    region,
  };
}

const HOW_TO_FIX =
  'Pick one from the list, e.g. mypurecloud.com (Americas – US East) or mypurecloud.ie (EMEA – Dublin), ' +
  'or paste the address you open Genesys Cloud at, e.g. https://apps.mypurecloud.ie.';

function notARegion(text: string): UnknownRegionError {
  return new UnknownRegionError(`'${quote(text)}' is not a Genesys Cloud region. ${HOW_TO_FIX}`);
}

/** Echo input back short and printable: it may be anything, even a pasted secret. */
function quote(text: string): string {
  const printable = text.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  return printable.length > 60 ? `${printable.slice(0, 57)}...` : printable;
}
