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
