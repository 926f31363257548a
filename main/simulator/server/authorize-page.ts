import { createHash } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import { escapeHtml, type Reply } from './http-util';

const STYLE = [
  'body{font:15px system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f3f4f6}',
  'main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:20rem}',
  'h1{font-size:1.2rem;margin:0 0 1rem}label{display:block;margin:.6rem 0 .2rem}',
  'input{width:100%;box-sizing:border-box;padding:.4rem}button{margin-top:1rem;margin-right:.5rem;padding:.4rem 1rem}',
  '.error{color:#b91c1c}.hint{color:#555;font-size:.85rem}',
].join('');
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export interface SignInPage {
  requestId: string;
  clientName: string;
  /** Origin of the validated redirect_uri: the form's redirect goes there, so form-action must allow it. */
  redirectOrigin: string;
  /** Prefilled from login_hint. */
  username?: string;
  error?: string;
  hint?: string;
}

/**
 * The simulated Genesys login page. No script at all and one hashed inline
 * style, under a CSP that allows nothing else: the page cannot be framed,
 * and the form can only post here and be redirected to the app's loopback
 * origin (Chromium applies form-action to redirects after a submit).
 */
export function signInPage(page: SignInPage, status = 200): Reply {
  const error = page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>` : '';
  const hint = page.hint ? `<p class="hint">${escapeHtml(page.hint)}</p>` : '';
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in – Genesys Cloud simulator</title>
<style>${STYLE}</style></head>
<body><main>
<h1>Sign in to ${escapeHtml(page.clientName)}</h1>${error}
<form method="post" action="/oauth/authorize">
<input type="hidden" name="request" value="${escapeHtml(page.requestId)}">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required value="${escapeHtml(page.username ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit" name="action" value="allow">Sign in</button><button type="submit" name="action" value="deny" formnovalidate>Cancel</button>
</form>${hint}
</main></body></html>`;
  return { status, headers: htmlHeaders(page.redirectOrigin), body };
}

/** An error the user must see on the page because redirecting would be unsafe (unknown client or redirect_uri). */
export function errorPage(message: string, status = 400): Reply {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in error – Genesys Cloud simulator</title>
<style>${STYLE}</style></head>
<body><main><h1>Sign-in error</h1><p class="error" role="alert">${escapeHtml(message)}</p></main></body></html>`;
  return { status, headers: htmlHeaders(null), body };
}

function htmlHeaders(redirectOrigin: string | null): OutgoingHttpHeaders {
  const formAction = redirectOrigin ? `'self' ${redirectOrigin}` : "'none'";
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': [
      "default-src 'none'",
      `style-src 'sha256-${STYLE_HASH}'`,
      `form-action ${formAction}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}
