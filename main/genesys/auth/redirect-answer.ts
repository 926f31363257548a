import { SIGNED_IN_PAGE, type CallbackPage } from './callback-page';
import { SignInError } from './errors';

export type RedirectAnswer = ({ code: string } | { error: SignInError }) & { page: CallbackPage };

/**
 * What the redirect back from /oauth/authorize means (fact sheet §2.4–2.5):
 * a code for our `state`, or an error to show, each with the page the
 * browser gets. A wrong `state` is refused: it is an old tab or a forgery.
 */
export function readRedirect(params: URLSearchParams, expectedState: string): RedirectAnswer {
  const state = params.get('state');
  const error = params.get('error');
  if (state !== expectedState && !(error !== null && state === null)) {
    return {
      error: new SignInError(
        'state-mismatch',
        'The sign-in answer did not match the sign-in ReportDesk started (perhaps an old browser tab). Start the sign-in again.',
      ),
      page: {
        status: 400,
        title: 'Sign-in not recognised',
        text: 'This answer does not belong to the sign-in ReportDesk started. Close this window and start the sign-in again from ReportDesk.',
      },
    };
  }
  if (error === 'access_denied') {
    return {
      error: new SignInError(
        'access-denied',
        'The sign-in was cancelled, or Genesys Cloud did not grant ReportDesk access. Sign in again, and approve ReportDesk if Genesys Cloud asks.',
      ),
      page: { status: 200, title: 'Sign-in cancelled', text: 'You can close this window and return to ReportDesk.' },
    };
  }
  if (error !== null) {
    const said = plain(params.get('error_description') ?? '') || plain(error);
    return {
      error: new SignInError(
        'authorize-error',
        `Genesys Cloud could not sign you in (${said}). Check the connection's client ID and region, then sign in again.`,
      ),
      page: {
        status: 200,
        title: 'Sign-in failed',
        text: 'You can close this window; ReportDesk shows what went wrong.',
      },
    };
  }
  const code = params.get('code');
  if (!code) {
    return {
      error: new SignInError('no-code', 'Genesys Cloud came back without a sign-in code. Start the sign-in again.'),
      page: {
        status: 400,
        title: 'Sign-in failed',
        text: 'You can close this window; ReportDesk shows what went wrong.',
      },
    };
  }
  return { code, page: SIGNED_IN_PAGE };
}

/** An error text from the address bar goes into our message: one short printable line. */
function plain(text: string): string {
  const line = text
    .replace(/[^\x20-\x7e\u00a0-\uffff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
