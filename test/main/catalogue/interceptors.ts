import { randomUUID } from 'node:crypto';

/**
 * Answers the simulator cannot give, put between a client and the real simulator at the fetch boundary. Only
 * /api/v2 calls are touched, so signing in always works, as with Genesys's own outages.
 */
type Rewrite = (url: URL, forward: () => Promise<Response>) => Promise<Response>;

function intercept(rewrite: Rewrite): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const forward = () => fetch(input, init);
    return url.pathname.startsWith('/api/v2/') ? rewrite(url, forward) : forward();
  };
}

function errorBody(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const contextId = randomUUID();
  return new Response(JSON.stringify({ message, code, status, contextId, details: [], errors: [] }), {
    status,
    headers: { 'content-type': 'application/json', 'inin-correlation-id': contextId, ...headers },
  });
}

/** Genesys's answer once an org's hourly or daily budget is spent: a 429 naming a long wait. */
export function rateLimitedFor(seconds: number): typeof fetch {
  return intercept(() =>
    Promise.resolve(
      errorBody(
        429,
        'too.many.requests',
        `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`,
        {
          'retry-after': String(seconds),
        },
      ),
    ),
  );
}

/** Every API call answered 503 while `on()` says so, like a Genesys incident. */
export function serviceUnavailableWhile(on: () => boolean): typeof fetch {
  return intercept((_url, forward) =>
    on() ? Promise.resolve(errorBody(503, 'service.unavailable', 'Service Unavailable')) : forward(),
  );
}

/** A 200 whose body stops halfway but ends cleanly, as a proxy or antivirus that gives up may leave it. */
export function cleanlyCutShort(pathPart: string): typeof fetch {
  return intercept(async (url, forward) => {
    const response = await forward();
    if (!url.pathname.includes(pathPart) || response.status !== 200) return response;
    const text = await response.text();
    return new Response(text.slice(0, Math.floor(text.length / 2)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
}

/**
 * Details answers in which the first conversation that started in `within` uses a media type and a direction
 * Genesys may add one day. `changed` receives that conversation's id.
 */
export function unknownEnumValues(
  within: { start: number; end: number },
  changed: (conversationId: string) => void,
): typeof fetch {
  let done = false;
  return intercept(async (url, forward) => {
    const response = await forward();
    if (done || !url.pathname.includes('/analytics/conversations/details') || response.status !== 200) return response;
    const body = (await response.json()) as {
      conversations?: {
        conversationId: string;
        conversationStart?: string;
        originatingDirection?: string;
        participants?: { sessions?: { mediaType?: string }[] }[];
      }[];
    };
    const conversation = body.conversations?.find((candidate) => {
      const start = Date.parse(candidate.conversationStart ?? '');
      return start >= within.start && start < within.end;
    });
    if (conversation) {
      done = true;
      changed(conversation.conversationId);
      conversation.originatingDirection = 'sideways';
      for (const participant of conversation.participants ?? []) {
        for (const session of participant.sessions ?? []) session.mediaType = 'hologram';
      }
    }
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}
