export interface CallbackPage {
  status: number;
  title: string;
  text: string;
}

export const SIGNED_IN_PAGE: CallbackPage = {
  status: 200,
  title: 'Signed in',
  text: 'ReportDesk is finishing your sign-in. You can close this window and return to ReportDesk.',
};

export const ALREADY_DONE_PAGE: CallbackPage = {
  status: 200,
  title: 'Already done',
  text: 'This sign-in is already finished. You can close this window.',
};

/**
 * The small page the browser shows after Genesys redirects back to us. It
 * has no scripts, links or images, and tells the browser not to keep it or
 * send it anywhere (the address bar still holds the one-time code).
 */
export function renderCallbackPage(page: CallbackPage): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ReportDesk – ${escapeHtml(page.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.text)}</p></body></html>
`;
  return {
    status: page.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
