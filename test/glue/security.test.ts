import { beforeEach, describe, expect, it } from 'vitest';
import { FakeEvent, FakeWebContents, app, resetFakeElectron, session, shell } from '../fakes/electron';
import { installSecurityGuards } from '../../main/glue/security';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../../main/security/csp';

function newContents(): FakeWebContents {
  const contents = new FakeWebContents();
  app.emit('web-contents-created', new FakeEvent(), contents);
  return contents;
}

describe('security guards on every web contents', () => {
  beforeEach(() => {
    resetFakeElectron();
    installSecurityGuards({});
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('refuses %s', (eventName) => {
    const contents = newContents();
    const event = new FakeEvent();
    contents.emit(eventName, event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and opens plain https links in the system browser', () => {
    const contents = newContents();
    expect(contents.windowOpenHandler?.({ url: 'https://help.mypurecloud.com/articles/x' })).toEqual({
      action: 'deny',
    });
    expect(shell.opened).toEqual(['https://help.mypurecloud.com/articles/x']);
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pw@example.com/',
    'smb://server/share',
    'not a url',
  ])('never opens %s externally', (url) => {
    const contents = newContents();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([]);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.defaultSession.permissionRequestHandler?.(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'media')).toBe(false);
  });

  it('sends the strict CSP on every response', () => {
    let headers: Record<string, string[]> | undefined;
    session.defaultSession.headersListener?.(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('relaxes the CSP only for the development server', () => {
    resetFakeElectron();
    installSecurityGuards({ devServerUrl: 'http://localhost:5173' });
    let headers: Record<string, string[]> | undefined;
    session.defaultSession.headersListener?.({}, (r) => (headers = r.responseHeaders));
    expect(headers?.['Content-Security-Policy']).toEqual([DEV_CONTENT_SECURITY_POLICY]);
  });
});
