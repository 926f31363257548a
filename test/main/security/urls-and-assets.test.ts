import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from '../../../main/security/app-assets';
import { CONTENT_SECURITY_POLICY, metaPolicy } from '../../../main/security/csp';
import { isAppUrl, safeExternalUrl } from '../../../main/security/urls';

describe('external links', () => {
  it.each([
    ['https://developer.genesys.cloud/x?y=1#z', 'https://developer.genesys.cloud/x?y=1#z'],
    ['HTTPS://EXAMPLE.com', 'https://example.com/'],
  ])('opens %s', (raw, expected) => expect(safeExternalUrl(raw)).toBe(expected));

  it.each([
    'http://example.com',
    'file:///C:/Windows/system32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,<script>',
    '\\\\server\\share',
    'https://user:pass@example.com',
    'https://',
    42,
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (raw) => expect(safeExternalUrl(raw)).toBeNull());
});

describe('app origin checks', () => {
  it('accepts only our origin, or the dev server when one is given', () => {
    expect(isAppUrl('app://reportdesk/index.html')).toBe(true);
    expect(isAppUrl('app://reportdesk.evil/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('nonsense')).toBe(false);
  });
});

describe('renderer asset resolution', () => {
  const root = '/app/out/renderer';
  it('maps / to index.html and keeps paths inside the folder', () => {
    expect(resolveAppAsset(root, '/')).toEqual({
      path: '/app/out/renderer/index.html',
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, '/assets/a.js')?.path).toBe('/app/out/renderer/assets/a.js');
  });
  it.each([
    '/../main/index.js',
    '/%2e%2e/%2e%2e/etc/passwd.js',
    '/assets/..%2f..%2fsecret.css',
    '/a\\..\\b.js',
    '/x%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (path) => expect(resolveAppAsset(root, path)).toBeNull());
  it('refuses file types the renderer does not ship', () => {
    expect(resolveAppAsset(root, '/assets/app.map')).toBeNull();
    expect(resolveAppAsset(root, '/data.sqlite')).toBeNull();
  });
});

describe('CSP', () => {
  it('drops header-only directives from the meta tag version', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(metaPolicy(CONTENT_SECURITY_POLICY)).not.toContain('frame-ancestors');
    expect(metaPolicy(CONTENT_SECURITY_POLICY)).toContain("default-src 'none'");
  });
});
