import { GenesysError } from '../genesys-error';

/**
 * A PKCE connection has no usable token: public clients get no refresh token
 * (fact sheet §2.4), so the only way on is the browser sign-in again. The UI
 * shows a "Sign in" button; nothing opens a browser behind the user's back.
 */
export class SignInRequiredError extends GenesysError {
  readonly code = 'sign-in-required';
  override readonly name = 'SignInRequiredError';

  constructor(readonly reason: 'never-signed-in' | 'expired' | 'rejected') {
    super(
      reason === 'never-signed-in'
        ? 'Sign in to Genesys Cloud to use this connection.'
        : reason === 'expired'
          ? 'Your Genesys Cloud sign-in has expired. Sign in again to continue.'
          : 'Genesys Cloud no longer accepts your sign-in (it may have been revoked). Sign in again to continue.',
    );
  }
}

export type SignInFailure =
  'state-mismatch' | 'timeout' | 'access-denied' | 'authorize-error' | 'no-code' | 'browser' | 'listener' | 'exchange';

/** The browser sign-in did not complete; the message says what to do next. */
export class SignInError extends GenesysError {
  readonly code = 'sign-in-failed';
  override readonly name = 'SignInError';

  constructor(
    readonly failure: SignInFailure,
    message: string,
  ) {
    super(message);
  }
}
