import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CancelledError } from '../http/errors';
import { ALREADY_DONE_PAGE, renderCallbackPage, type CallbackPage } from './callback-page';
import { readRedirect } from './redirect-answer';
import { SignInError } from './errors';

export interface LoopbackOptions {
  /** 0 (default) picks a free port; a connection whose OAuth client registers a fixed port passes it here. */
  port?: number;
  path?: string;
  /** The host written into redirect_uri; the listener itself always binds 127.0.0.1 only. */
  redirectHost?: '127.0.0.1' | 'localhost';
  /** The `state` we sent; an answer carrying another one is refused (CSRF, a stale tab). */
  state: string;
}

export interface LoopbackListener {
  readonly redirectUri: string;
  /** The authorization code, once the browser comes back with one. */
  waitForCode(timeoutMs: number, signal?: AbortSignal): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_CALLBACK_PATH = '/oauth/callback';

/**
 * The redirect target of a desktop sign-in (fact sheet §2.4, §16): a local
 * HTTP listener on 127.0.0.1 that takes exactly one answer for our `state`,
 * shows a "you can close this window" page and settles.
 */
export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const path = options.path ?? DEFAULT_CALLBACK_PATH;
  let settle: ((outcome: { code: string } | { error: SignInError }) => void) | undefined;
  const outcome = new Promise<{ code: string } | { error: SignInError }>((resolve) => {
    settle = (value) => {
      settle = undefined;
      resolve(value);
    };
  });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) return answer(res, { status: 404, title: 'Not found', text: 'Nothing here.' });
    if (req.method !== 'GET') return answer(res, { status: 405, title: 'Not allowed', text: 'Use the sign-in link.' });
    if (!settle) return answer(res, ALREADY_DONE_PAGE);
    const result = readRedirect(url.searchParams, options.state);
    settle('code' in result ? { code: result.code } : { error: result.error });
    answer(res, result.page);
  });
  const port = await listen(server, options.port ?? 0);
  const host = options.redirectHost ?? '127.0.0.1';

  return {
    redirectUri: `http://${host}:${port}${path}`,
    async waitForCode(timeoutMs, signal) {
      const result = await raceTimeout(outcome, timeoutMs, signal);
      if ('error' in result) throw result.error;
      return result.code;
    },
    close: () => close(server),
  };
}

function answer(res: ServerResponse, page: CallbackPage): void {
  const rendered = renderCallbackPage(page);
  res.writeHead(rendered.status, { ...rendered.headers, connection: 'close' });
  res.end(rendered.body);
}

function raceTimeout<T>(promise: Promise<T>, timeoutMs: number, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
    const timer = setTimeout(
      () =>
        reject(
          new SignInError(
            'timeout',
            `The sign-in was not finished within ${minutes} minute${minutes === 1 ? '' : 's'}. Start it again and complete it in the browser window that opens.`,
          ),
        ),
      timeoutMs,
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    void promise.then((value) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    });
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new SignInError(
          'listener',
          error.code === 'EADDRINUSE'
            ? `ReportDesk could not receive the sign-in on port ${port}: another program is using it. Close that program, or register another port for the OAuth client.`
            : 'ReportDesk could not start listening for the sign-in on this computer.',
        ),
      );
    });
    // Loopback only: the one-time code must never be receivable from the network.
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
