/**
 * The one Content-Security-Policy for the renderer: sent as a response header
 * by the Electron glue and written into index.html's meta tag at build time.
 *
 * `style-src 'unsafe-inline'` is the one allowance beyond 'self': AG Grid's
 * theming API injects its styles at runtime and renders unstyled without it.
 * Scripts stay 'self' only, so injected markup cannot execute.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Development only (electron-vite's dev server): React Fast Refresh injects an
 * inline preamble script and Vite's client talks to its own websocket. The
 * packaged app never uses this policy.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");

/** Directives browsers ignore (and warn about) when the policy comes in a <meta> tag. */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

export function metaPolicy(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.includes(directive.split(' ')[0] ?? ''))
    .join('; ');
}
