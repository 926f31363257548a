import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import { startBrowserHost, type BrowserHost } from '../host/server';
import { ARTIFACTS_DIR, openBrowser, type BrowserSession } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';
import { REPO_ROOT, createTestCore } from '../support/test-core';

const rendererDir = resolve(REPO_ROOT, 'out', 'renderer');
const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the app shell in Chromium, through the browser host, against the real core', () => {
  const data = makeTempDir('e2e-shell');
  let core: Core;
  let host: BrowserHost;
  let browser: BrowserSession;

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build');
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    core = createTestCore(data.path);
    host = await startBrowserHost({ core, rendererDir });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await core?.close();
    data.remove();
  });

  it('opens on Reports, working with the Demo organization from the core', async () => {
    const { page } = browser;
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('button').allTextContents()).toEqual(['Reports', 'Connections', 'Settings']);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');
    await expect.poll(() => page.locator('.lead').textContent()).toContain('Working with Demo organization');
    expect(await nav.getByRole('button', { name: 'Reports' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'shell-reports.png') });
  });

  it('lists the Demo organization as the default connection', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Connections' }).click();
    const card = page.locator('[data-connection-id="demo"]');
    await expect.poll(() => card.getByRole('heading').textContent()).toBe('Demo organizationDefault');
    expect(await card.textContent()).toContain('Built-in simulator');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'shell-connections.png') });
  });

  it('shows the version, data folder and cache size on Settings, and keeps a changed setting', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(version);
    expect(await page.getByTestId('data-dir').textContent()).toBe(data.path);
    expect(await page.getByTestId('cache-size').textContent()).toBe('0 bytes');

    await page.getByLabel('Show durations as').selectOption('seconds');
    await expect
      .poll(() => JSON.parse(readFileSync(join(data.path, 'settings.json'), 'utf8')) as unknown)
      .toMatchObject({ durationFormat: 'seconds' });
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByLabel('Show durations as').inputValue()).toBe('seconds');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'shell-settings.png') });
  });

  it('follows settings changed elsewhere through the event stream', async () => {
    const { page } = browser;
    const result = await core.dispatch('settings/update', { timeZone: 'Europe/Dublin' });
    expect(result.ok).toBe(true);
    await expect.poll(() => page.getByLabel('Default time zone for reports').inputValue()).toBe('Europe/Dublin');
  });

  it('answers malformed input and unknown operations with a clear error', async () => {
    const { page } = browser;
    const bad = await page.evaluate(() =>
      window.reportdesk!.settings.update({ durationFormat: 'fortnights' as 'hms' }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input', field: 'durationFormat' } });

    const unknown = await page.evaluate(async () => {
      const response = await fetch('/__reportdesk/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'cache/drop-everything', input: {} }),
      });
      return response.json() as Promise<unknown>;
    });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'unknown-operation', message: 'ReportDesk has no operation called "cache/drop-everything".' },
    });
  });

  it('refuses calls that do not come from its own page', async () => {
    const response = await fetch(new URL('/__reportdesk/invoke', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ name: 'app/info' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('runs under the strict CSP with no console errors', async () => {
    const { page, problems } = browser;
    const response = await page.goto(host.url);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
      "script-src 'self'",
    );
    const blocked = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(blocked).toBe(false);
    expect(problems.filter((p) => !p.includes('Content Security Policy'))).toEqual([]);
  });
});
