/**
 * Decides which URLs may leave the app for the system browser: only https,
 * parsed by the URL parser (never substring checks), with no credentials.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return null;
  return url.toString();
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * The sign-in page a PKCE connection opens in the system browser: https as for any link, plus one exception —
 * plain http to this computer's loopback address, and only for an OAuth authorize page, so a sign-in against
 * the local Genesys simulator (the Demo organization's kind of base URL) works. Nothing else leaves over http.
 */
export function safeSignInUrl(raw: unknown): string | null {
  const secure = safeExternalUrl(raw);
  if (secure || typeof raw !== 'string' || raw.length > 2048) return secure;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.username || url.password || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url.pathname.endsWith('/oauth/authorize') ? url.toString() : null;
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'reportdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for the app's own pages: the packaged `app://reportdesk` origin or the dev server's origin. */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  try {
    return url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
