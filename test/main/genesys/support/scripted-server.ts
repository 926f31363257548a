import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, index: number) => void | Promise<void>;

export interface ScriptedServer {
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose answers a test scripts exactly. */
export async function startScriptedServer(handler: Handler): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded, res, requests.length - 1)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Answers request n with steps[n]; a request past the script gets 599 so the test fails loudly. */
export function script(...steps: Array<(req: RecordedRequest, res: ServerResponse) => void>): Handler {
  return (req, res, index) => {
    const step = steps[index];
    if (step) step(req, res);
    else sendJson(res, 599, { message: 'unscripted request' });
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const ok =
  (body: unknown, headers: Record<string, string> = {}) =>
  (_req: RecordedRequest, res: ServerResponse) =>
    sendJson(res, 200, body, headers);

export const fail =
  (status: number, body: unknown = {}, headers: Record<string, string> = {}) =>
  (_req: RecordedRequest, res: ServerResponse) =>
    sendJson(res, status, body, headers);

/** Promises 100 bytes, sends 10, then drops the connection. */
export const dropMidBody = () => (_req: RecordedRequest, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  res.write('{"entities');
  setTimeout(() => res.socket?.destroy(), 10);
};

/** A complete HTTP answer whose JSON is cut off (the length header matches what is sent). */
export const truncatedJson = () => (_req: RecordedRequest, res: ServerResponse) => {
  const text = '{"entities":[{"id":"q1","na';
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

/** Never answers (until the server closes). */
export const hang = () => () => undefined;

/** A port nothing listens on (bound, noted, released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
