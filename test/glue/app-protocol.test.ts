import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocol, resetFakeElectron } from '../fakes/electron';
import { registerAppScheme, serveRenderer } from '../../main/glue/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import { makeTempDir } from '../support/temp-dir';

describe('the app:// protocol serving the built renderer', () => {
  const root = makeTempDir('glue-protocol');
  const rendererDir = join(root.path, 'renderer');
  let handle: (request: Request) => Promise<Response> | Response;

  beforeAll(() => {
    resetFakeElectron();
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ReportDesk</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root.path, 'secret.txt'), 'do not serve');
    registerAppScheme();
    serveRenderer(rendererDir);
    handle = protocol.handlers.get('app')!;
  });
  afterAll(() => root.remove());

  it('registers app:// as a secure standard scheme', () => {
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html and assets with the CSP and the right types', async () => {
    const page = await handle(new Request('app://reportdesk/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>ReportDesk</title>');
    const script = await handle(new Request('app://reportdesk/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(['app://reportdesk/../secret.txt', 'app://reportdesk/%2e%2e/secret.txt', 'app://reportdesk/..%2fsecret.txt'])(
    'refuses to leave the renderer folder: %s',
    async (url) => {
      const response = await handle(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('do not serve');
    },
  );

  it('refuses other hosts and methods', async () => {
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(405);
    expect((await handle(new Request('app://reportdesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers 404 for a missing file', async () => {
    expect((await handle(new Request('app://reportdesk/assets/missing.js'))).status).toBe(404);
  });
});
