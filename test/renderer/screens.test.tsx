import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../preload/contract/operations';
import type { AppInfo, ConnectionSummary } from '../../preload/contract/types';
import { App } from '../../renderer/src/App';
import { FakeFailure } from './fake-bridge';
import { DEMO, installWorkspaceCore } from './support/fake-core';
import { Screen } from './support/render';
import { resetStores } from './support/stores';

const ORG = {
  id: 'acme',
  name: 'Acme EMEA',
  kind: 'genesys' as const,
  regionLabel: 'EMEA (Dublin)',
  description: 'Client credentials',
  isDefault: false,
};

describe('the status bar', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;
  beforeEach(() => {
    resetStores();
    screen = new Screen();
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
  });

  const status = () => screen.container.querySelector('[data-testid="connection-status"]')?.textContent;

  it('is there on every screen and follows online/offline as the core announces it', async () => {
    fake = installWorkspaceCore();
    await screen.render(<App />);
    expect(status()).toBe(' Online');
    act(() => fake.emit('status/changed', { online: false, connectionId: 'demo', signedIn: true }));
    expect(status()).toBe(' Offline: cached reports still run');
    await screen.click('Settings');
    expect(status()).toBe(' Offline: cached reports still run');
    act(() => fake.emit('status/changed', { online: true, connectionId: 'demo', signedIn: false }));
    expect(status()).toBe(' Online: not signed in (sign in on the Connections screen)');
  });
});

describe('the Connections screen', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;
  let added: OperationInput<'connections/add'>[];

  beforeEach(async () => {
    resetStores();
    added = [];
    let connections: ConnectionSummary[] = [DEMO];
    fake = installWorkspaceCore({
      'connections/list': () => connections,
      'connections/add': (input) => {
        added.push(input as OperationInput<'connections/add'>);
        connections = [...connections, ORG];
        return ORG;
      },
      'connections/test': (input) =>
        (input as { connectionId: string }).connectionId === 'acme'
          ? {
              ok: false,
              message: 'Signed in, but your role is missing permissions.',
              missingPermissions: ['analytics:conversationDetail:view'],
            }
          : { ok: true, message: 'Connected to the Demo organization.', missingPermissions: [] },
      'connections/sign-in': () => ({ online: true, connectionId: 'acme', signedIn: true }),
      'connections/remove': () => (connections = [DEMO]),
    });
    screen = new Screen();
    await screen.render(<App />);
    await screen.click('Connections');
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
  });

  it('adds an organisation with client credentials and forgets the secret at once', async () => {
    await screen.type('Name', 'Acme EMEA');
    await screen.type('Region or base URL', 'mypurecloud.ie');
    await screen.check('Client credentials (an OAuth client your administrator created)');
    await screen.type('OAuth client ID', 'client-123');
    await screen.type('Client secret', 's3cret');
    expect(screen.control('Client secret').getAttribute('type')).toBe('password');
    await screen.click('Add organisation');
    expect(added).toEqual([
      {
        name: 'Acme EMEA',
        environment: 'mypurecloud.ie',
        method: 'client-credentials',
        clientId: 'client-123',
        clientSecret: 's3cret',
      },
    ]);
    expect(screen.control<HTMLInputElement>('Client secret').value).toBe('');
    expect(screen.text).not.toContain('s3cret');
    expect(screen.container.querySelector('[data-connection-id="acme"]')?.textContent).toContain('EMEA (Dublin)');
  });

  it('does not send a secret for browser sign-in', async () => {
    await screen.type('Name', 'Acme');
    await screen.type('Region or base URL', 'euw2.pure.cloud');
    await screen.type('OAuth client ID', 'pkce-client');
    expect(() => screen.control('Client secret')).toThrow();
    await screen.click('Add organisation');
    expect(added[0]).toEqual({ name: 'Acme', environment: 'euw2.pure.cloud', method: 'pkce', clientId: 'pkce-client' });
  });

  it('shows the core’s plain message when adding fails, and keeps no secret', async () => {
    fake.remove();
    fake = installWorkspaceCore({
      'connections/add': () => {
        throw new FakeFailure({
          code: 'bad-input',
          message: '“mypurecloud.xx” is not a Genesys Cloud region.',
          field: 'environment',
        });
      },
    });
    await screen.type('Name', 'Typo');
    await screen.type('Region or base URL', 'mypurecloud.xx');
    await screen.check('Client credentials (an OAuth client your administrator created)');
    await screen.type('OAuth client ID', 'id');
    await screen.type('Client secret', 'secret');
    await screen.click('Add organisation');
    expect(screen.container.querySelector('.add-connection [role="alert"]')?.textContent).toBe(
      '“mypurecloud.xx” is not a Genesys Cloud region.',
    );
    expect(screen.control<HTMLInputElement>('Client secret').value).toBe('');
  });

  it('tests a connection and names missing permissions', async () => {
    await screen.click('Test connection to Demo organization');
    expect(screen.container.querySelector('[data-connection-id="demo"]')?.textContent).toContain(
      'Connected to the Demo organization.',
    );
    await addAcme();
    await screen.click('Test connection to Acme EMEA');
    const card = screen.container.querySelector('[data-connection-id="acme"]')!;
    expect(card.textContent).toContain('Signed in, but your role is missing permissions.');
    expect([...card.querySelectorAll('code')].map((code) => code.textContent)).toEqual([
      'analytics:conversationDetail:view',
    ]);
  });

  it('signs in, uses the organisation for reports, and removes it after asking', async () => {
    await addAcme();
    const card = () => screen.container.querySelector('[data-connection-id="acme"]')!;
    expect(card().textContent).toContain('Sign in');
    await screen.click('Use for reports');
    expect(fake.calls.find((call) => call.name === 'settings/update')?.input).toEqual({ connectionId: 'acme' });
    expect(card().textContent).toContain('Reports use this organisation.');
    await screen.click('Sign in');
    expect(fake.calls.find((call) => call.name === 'connections/sign-in')?.input).toEqual({ connectionId: 'acme' });
    expect(screen.hasButton('Sign out')).toBe(true);
    await screen.click('Remove');
    expect(card().textContent).toContain('Remove this organisation and its stored sign-in?');
    await screen.click('Remove');
    expect(screen.container.querySelector('[data-connection-id="acme"]')).toBeNull();
  });

  async function addAcme() {
    await screen.type('Name', 'Acme EMEA');
    await screen.type('Region or base URL', 'mypurecloud.ie');
    await screen.type('OAuth client ID', 'x');
    await screen.click('Add organisation');
  }
});

describe('the Settings screen', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;
  let info: AppInfo;

  beforeEach(async () => {
    resetStores();
    info = {
      name: 'ReportDesk',
      version: '1',
      dataDir: '/data',
      cacheBytes: 45_600_000,
      platform: 'linux',
      runtime: 'Node',
      notices: [],
    };
    fake = installWorkspaceCore({
      'app/info': () => info,
      'cache/clear': () => (info = { ...info, cacheBytes: 0 }),
    });
    screen = new Screen();
    await screen.render(<App />);
    await screen.click('Settings');
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
  });

  it('changes the CSV separator', async () => {
    await screen.choose('CSV column separator', ';');
    expect(fake.calls.find((call) => call.name === 'settings/update')?.input).toEqual({ csvDelimiter: ';' });
  });

  it('clears the cache only after confirmation, and shows the new size', async () => {
    expect(screen.container.querySelector('[data-testid="cache-size"]')?.textContent).toBe('45.6 MB');
    await screen.click('Clear cache…');
    expect(screen.text).toContain('Remove all downloaded report data (45.6 MB) from this computer?');
    await screen.click('Keep the cache');
    expect(fake.calls.some((call) => call.name === 'cache/clear')).toBe(false);
    await screen.click('Clear cache…');
    await screen.click('Clear cache');
    expect(fake.calls.filter((call) => call.name === 'cache/clear')).toHaveLength(1);
    expect(screen.container.querySelector('[data-testid="cache-size"]')?.textContent).toBe('0 bytes');
    expect(screen.text).toContain('The cache is now empty.');
  });

  it('labels every control', () => {
    for (const control of screen.container.querySelectorAll('main select, main input, main button')) {
      const labelled =
        control.getAttribute('aria-label') ||
        (control.id && screen.container.querySelector(`label[for="${control.id}"]`)) ||
        control.textContent?.trim();
      expect(labelled, control.outerHTML.slice(0, 80)).toBeTruthy();
    }
  });
});

describe('notices from the core', () => {
  it('are shown once and can be dismissed', async () => {
    resetStores();
    const fake = installWorkspaceCore({
      'app/info': () => ({
        name: 'ReportDesk',
        version: '1',
        dataDir: '/d',
        cacheBytes: 0,
        platform: 'p',
        runtime: 'r',
        notices: ['The cache file was damaged; it was set aside and a new one started.'],
      }),
    });
    const screen = new Screen();
    await screen.render(<App />);
    expect(screen.text).toContain('The cache file was damaged');
    await screen.click('Dismiss');
    expect(screen.text).not.toContain('The cache file was damaged');
    screen.unmount();
    fake.remove();
  });
});
