import { describe, expect, it } from 'vitest';
import { redirectUriAllowed } from '../../../../main/simulator/server/redirect-uri';

describe('redirect URI registration', () => {
  it('accepts any port and path under a bare loopback registration (RFC 8252 §7.3)', () => {
    const registered = ['http://127.0.0.1'];
    expect(redirectUriAllowed(registered, 'http://127.0.0.1:53682/callback')).toBe(true);
    expect(redirectUriAllowed(registered, 'http://127.0.0.1/')).toBe(true);
  });

  it('keeps the path and query of a loopback registration that has one, still with any port', () => {
    const registered = ['http://127.0.0.1/oauth/callback'];
    expect(redirectUriAllowed(registered, 'http://127.0.0.1:40000/oauth/callback')).toBe(true);
    expect(redirectUriAllowed(registered, 'http://127.0.0.1:40000/other')).toBe(false);
  });

  it('requires the exact port when the registration names one', () => {
    const registered = ['http://localhost:8080'];
    expect(redirectUriAllowed(registered, 'http://localhost:8080/')).toBe(true);
    expect(redirectUriAllowed(registered, 'http://localhost:8081/')).toBe(false);
  });

  it('refuses other hosts, schemes, fragments and credentials', () => {
    const registered = ['http://127.0.0.1', 'https://app.example/cb'];
    expect(redirectUriAllowed(registered, 'https://app.example/cb')).toBe(true);
    expect(redirectUriAllowed(registered, 'https://app.example/cb2')).toBe(false);
    expect(redirectUriAllowed(registered, 'http://localhost:5000/')).toBe(false);
    expect(redirectUriAllowed(registered, 'https://127.0.0.1:5000/')).toBe(false);
    expect(redirectUriAllowed(registered, 'http://127.0.0.1:5000/#frag')).toBe(false);
    expect(redirectUriAllowed(registered, 'http://user@127.0.0.1:5000/')).toBe(false);
    expect(redirectUriAllowed(registered, 'not a url')).toBe(false);
  });
});
