import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveAppAsset } from '../security/app-assets';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { APP_HOST, APP_SCHEME } from '../security/urls';

/** Must run before `app.whenReady()`: makes `app://` a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `app://reportdesk/`, GET only, never outside
 * the renderer folder. A custom origin (rather than file://) gives the page a
 * real 'self' for the CSP and no access to the file system.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.host !== APP_HOST) return new Response('Not allowed', { status: 405 });
    const asset = resolveAppAsset(rendererDir, url.pathname);
    if (!asset) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(asset.path).toString());
    if (!file.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, {
      headers: {
        'Content-Type': asset.mimeType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
