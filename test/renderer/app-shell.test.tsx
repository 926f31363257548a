import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { ErrorBoundary } from '../../renderer/src/components/ErrorBoundary';
import { useAppStore } from '../../renderer/src/state/app-store';
import type { Settings } from '../../preload/contract/types';
import { FakeFailure, installFakeBridge } from './fake-bridge';

const demo = {
  id: 'demo',
  name: 'Demo organization',
  kind: 'demo' as const,
  regionLabel: 'Built-in simulator (this computer)',
  description: 'Sample data',
  isDefault: true,
};

function fakeCore(
  settings: Settings = { timeZone: null, durationFormat: 'hms', csvDelimiter: ',', connectionId: 'demo' },
) {
  return installFakeBridge({
    'connections/list': () => [demo],
    'app/info': () => ({
      name: 'ReportDesk',
      version: '9.9.9',
      dataDir: '/data',
      cacheBytes: 12_345_678,
      platform: 'linux x64',
      runtime: 'Node',
      notices: [],
    }),
    'settings/get': () => settings,
    'settings/update': (change) => (settings = { ...settings, ...(change as Partial<Settings>) }),
  });
}

describe('the app shell', () => {
  let container: HTMLDivElement;
  let root: Root;
  let fake: ReturnType<typeof installFakeBridge>;

  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    fake?.remove();
  });

  /** Lets the fake bridge's promises settle inside act(). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  async function render(node: React.ReactNode) {
    await act(async () => {
      root.render(node);
      await settle();
    });
  }
  async function click(label: string) {
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === label);
    if (!button) throw new Error(`no button "${label}"`);
    await act(async () => {
      button.click();
      await settle();
    });
  }

  it('opens on Reports with the organisation in use, and marks the current screen', async () => {
    fake = fakeCore();
    await render(<App />);
    expect(container.querySelector('h1')?.textContent).toBe('Reports');
    expect(container.textContent).toContain('Working with Demo organization');
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('Reports');
  });

  it('navigates to Connections and Settings', async () => {
    fake = fakeCore();
    await render(<App />);
    await click('Connections');
    expect(container.querySelector('h1')?.textContent).toBe('Connections');
    expect(container.querySelector('[data-connection-id="demo"]')?.textContent).toContain('Default');
    await click('Settings');
    expect(container.querySelector('[data-testid="app-version"]')?.textContent).toBe('9.9.9');
    expect(container.querySelector('[data-testid="cache-size"]')?.textContent).toBe('12.3 MB');
  });

  it('labels every settings control', async () => {
    fake = fakeCore();
    await render(<App />);
    await click('Settings');
    for (const select of container.querySelectorAll('select')) {
      expect(container.querySelector(`label[for="${select.id}"]`)?.textContent).toBeTruthy();
    }
  });

  it('shows the plain message when the core refuses a change', async () => {
    fake = installFakeBridge({
      'app/info': () => ({
        name: 'R',
        version: '1',
        dataDir: '/d',
        cacheBytes: 0,
        platform: 'p',
        runtime: 'r',
        notices: [],
      }),
      'settings/get': () => ({ timeZone: null, durationFormat: 'hms', csvDelimiter: ',', connectionId: 'demo' }),
      'settings/update': () => {
        throw new FakeFailure({ code: 'bad-input', message: 'That time zone is unknown.' });
      },
    });
    await render(<App />);
    await click('Settings');
    const select = container.querySelector('select')!;
    await act(async () => {
      select.value = 'Asia/Tokyo';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('That time zone is unknown.');
  });

  it('says what failed when the core cannot be reached', async () => {
    await render(<App />);
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('could not reach its engine');
  });

  it('follows a settings change announced by the core', async () => {
    fake = fakeCore();
    await render(<App />);
    await click('Settings');
    act(() =>
      fake.emit('settings/changed', {
        timeZone: 'Europe/Dublin',
        durationFormat: 'seconds',
        csvDelimiter: ',',
        connectionId: 'demo',
      }),
    );
    expect((container.querySelectorAll('select')[1] as HTMLSelectElement).value).toBe('seconds');
  });

  it('replaces a crashed screen with a friendly message and a way back', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('render failure with internals');
      return <p>recovered</p>;
    }
    await render(
      <ErrorBoundary>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(container.querySelector('[role="alert"] h2')?.textContent).toBe('This screen ran into a problem');
    expect(container.textContent).not.toContain('internals');
    broken = false;
    await click('Try again');
    expect(container.textContent).toBe('recovered');
    consoleError.mockRestore();
  });
});
