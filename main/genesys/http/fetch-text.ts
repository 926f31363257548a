import { CancelledError, NetworkError } from './errors';

export type FetchLike = typeof fetch;

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The whole body; reading it fully is what catches a connection dropped mid-body. */
  text: string;
}

export interface SendOptions {
  fetch: FetchLike;
  signal?: AbortSignal | undefined;
  /** Per attempt, connection to last byte. */
  timeoutMs: number;
}

/**
 * One HTTP exchange with every transport failure turned into a typed error:
 * the caller's abort → CancelledError; our timeout, a refused connection or
 * one dropped mid-body → NetworkError. Redirects are not followed, so a
 * bearer token never travels to another host.
 */
export async function sendRequest(url: URL, init: RequestInit, options: SendOptions): Promise<RawResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  const failure = (error: unknown, stage: 'connect' | 'body') => {
    if (options.signal?.aborted) return new CancelledError();
    if (timeout.signal.aborted) return new NetworkError(url.host, 'timeout', undefined, options.timeoutMs / 1000);
    return new NetworkError(url.host, stage === 'connect' ? 'unreachable' : 'interrupted', systemCode(error));
  };
  try {
    let response: Response;
    try {
      response = await options.fetch(url, { ...init, signal, redirect: 'manual' });
    } catch (error) {
      throw failure(error, 'connect');
    }
    try {
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      throw failure(error, 'body');
    }
  } finally {
    clearTimeout(timer);
  }
}

/** `ECONNREFUSED`, `UND_ERR_SOCKET`…: the code only, since an error's message or cause could quote the request. */
function systemCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
