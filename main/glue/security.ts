import { app, session, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../security/csp';
import { safeExternalUrl } from '../security/urls';

export interface SecurityOptions {
  /** electron-vite's dev server URL while developing; undefined in the packaged app. */
  devServerUrl?: string;
}

/**
 * Global guards, installed before any window exists: every web contents the
 * app ever creates refuses navigation, redirects, new windows, webviews and
 * permission requests. Links the user clicks open in the system browser when
 * they are plain https URLs.
 */
export function installSecurityGuards(options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  guardSession(session.defaultSession, options);
}

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}

function guardSession(target: Session, options: SecurityOptions): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  const policy = options.devServerUrl ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });
}
