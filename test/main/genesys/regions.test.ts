import { describe, expect, it } from 'vitest';
import { GENESYS_REGIONS, UnknownRegionError, findRegion, resolveEnvironment } from '../../../main/genesys/regions';

// Fact sheet §1.2, copied independently of the module under test.
const EXPECTED: Record<string, string> = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
};

function rejection(input: string): UnknownRegionError {
  try {
    resolveEnvironment(input);
  } catch (error) {
    expect(error).toBeInstanceOf(UnknownRegionError);
    return error as UnknownRegionError;
  }
  throw new Error(`'${input}' was accepted`);
}

describe('the region list', () => {
  it('has exactly the 18 SDK environments with derived hosts and readable labels', () => {
    expect(GENESYS_REGIONS).toHaveLength(18);
    expect(Object.fromEntries(GENESYS_REGIONS.map((region) => [region.key, region.domain]))).toEqual(EXPECTED);
    for (const region of GENESYS_REGIONS) {
      expect(region.apiHost).toBe(`api.${region.domain}`);
      expect(region.loginHost).toBe(`login.${region.domain}`);
      expect(region.label).toMatch(/^[A-Z][\w ]+ \([^)]+\)$/);
    }
    expect(new Set(GENESYS_REGIONS.map((region) => region.label)).size).toBe(18);
    expect(findRegion('mypurecloud.com')?.label).toBe('Americas (US East)');
    expect(findRegion('eu_west_1')?.label).toBe('EMEA (Dublin)');
  });
});

describe('resolveEnvironment', () => {
  it.each(Object.entries(EXPECTED))('resolves %s and %s in every accepted spelling', (key, domain) => {
    const expected = { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}` };
    for (const input of [
      key,
      key.replaceAll('_', '-').toUpperCase(),
      domain,
      ` ${domain.toUpperCase()} `,
      `api.${domain}`,
      `login.${domain}`,
      `https://api.${domain}`,
      `https://api.${domain}/`,
      `https://apps.${domain}/directory/#/person`,
      `${domain}.`,
    ]) {
      const environment = resolveEnvironment(input);
      expect(environment, input).toMatchObject(expected);
      expect(environment.region?.key).toBe(key);
      expect(environment.label).toBe(findRegion(key)?.label);
    }
  });

  it('accepts a custom base URL serving both /oauth and /api', () => {
    expect(resolveEnvironment('http://127.0.0.1:8123')).toEqual({
      apiBase: 'http://127.0.0.1:8123',
      loginBase: 'http://127.0.0.1:8123',
      label: 'Custom server (127.0.0.1:8123)',
      region: undefined,
    });
    expect(resolveEnvironment('http://localhost:9000/').apiBase).toBe('http://localhost:9000');
    expect(resolveEnvironment('https://gateway.example.com').loginBase).toBe('https://gateway.example.com');
    expect(resolveEnvironment('https://gateway.example.com:8443').apiBase).toBe('https://gateway.example.com:8443');
  });

  it('refuses plain http except on this computer', () => {
    expect(rejection('http://gateway.example.com').message).toMatch(/only allowed for a server on this computer/);
    expect(rejection('http://10.0.0.5:8080').message).toMatch(/Use https/);
  });

  it('refuses custom URLs with paths, credentials or other schemes', () => {
    expect(rejection('https://gateway.example.com/genesys').message).toMatch(/without a path/);
    expect(rejection('https://user:pw@gateway.example.com').message).toMatch(/Leave the user name and password out/);
    expect(rejection('ftp://gateway.example.com').message).toMatch(/must start with https/);
    expect(rejection('localhost:8080').message).toMatch(/http:\/\/127\.0\.0\.1:8080/);
  });

  it('treats look-alikes of Genesys hosts as mistyped regions, never as custom servers', () => {
    expect(rejection('https://api.mypurecloud.co').message).toMatch(
      /'api\.mypurecloud\.co' is not a Genesys Cloud region/,
    );
    expect(rejection('https://login.xyz.pure.cloud').message).toMatch(/is not a Genesys Cloud region/);
  });

  it('explains how to fix unknown input', () => {
    const error = rejection('mypurecloud.xx');
    expect(error.message).toBe(
      "'mypurecloud.xx' is not a Genesys Cloud region. Pick one from the list, e.g. mypurecloud.com (Americas – US East) " +
        'or mypurecloud.ie (EMEA – Dublin), or paste the address you open Genesys Cloud at, e.g. https://apps.mypurecloud.ie.',
    );
    expect(error.code).toBe('unknown-region');
    expect(rejection('').message).toMatch(/^Pick a Genesys Cloud region/);
    expect(rejection('   ').message).toMatch(/^Pick a Genesys Cloud region/);
    expect(rejection('us_east_9').message).toMatch(/'us_east_9' is not a Genesys Cloud region/);
    expect(rejection('https://').message).toMatch(/not a web address/);
  });

  it('echoes junk back short and printable', () => {
    const error = rejection(`${'x'.repeat(200)}\u0000\u001b[31m`);
    expect(error.message).toMatch(/^'x{57}\.\.\.' is not/);
    expect(rejection('a\u0007b').message).toMatch(/^'a\?b'/);
  });
});
