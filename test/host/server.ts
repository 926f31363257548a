import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { Envelope } from '../../preload/contract/types';
import type { Core } from '../../main/core/core';
import { resolveAppAsset } from '../../main/security/app-assets';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';

export interface BrowserHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
}

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/__reportdesk/bridge.js';
const INVOKE_PATH = '/__reportdesk/invoke';
const EVENTS_PATH = '/__reportdesk/events';
const MAX_BODY_BYTES = 1_000_000;

/**
 * Serves the built renderer on 127.0.0.1 and stands in for the Electron
 * preload: `window.reportdesk` comes from a small script that forwards the
 * same contract to the core over HTTP (calls) and server-sent events
 * (events). Like the IPC gatekeeper, it refuses calls that do not come from
 * its own page, and the core's dispatcher validates everything else.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bridgeScript = await bundleBridge();
  const streams = new Set<ServerResponse>();
  const unsubscribe = options.core.events.subscribe((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  let origin = '';
  const server = createServer((request, response) => {
    void route(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === INVOKE_PATH && request.method === 'POST') return invoke(request, response);
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (path === BRIDGE_PATH) return send(response, 200, 'text/javascript; charset=utf-8', bridgeScript);
    if (path === EVENTS_PATH) return openEventStream(response);
    const asset = resolveAppAsset(options.rendererDir, path);
    if (!asset) return send(response, 404, 'text/plain', 'Not found');
    let body: Buffer | string;
    try {
      body = await readFile(asset.path);
    } catch {
      return send(response, 404, 'text/plain', 'Not found');
    }
    if (asset.path.endsWith('index.html')) body = injectBridge(body.toString('utf8'));
    send(response, 200, asset.mimeType, body);
  }

  async function invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.origin !== origin) {
      return sendJson(response, 403, {
        ok: false,
        error: {
          code: 'forbidden-sender',
          message: 'This request did not come from a ReportDesk window and was refused.',
        },
      });
    }
    let call: { name?: unknown; input?: unknown };
    try {
      call = JSON.parse(await readBody(request)) as { name?: unknown; input?: unknown };
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'bad-input', message: 'That request was not accepted: it is not valid JSON or is too large.' },
      });
    }
    sendJson(response, 200, await options.core.dispatch(call?.name, call?.input));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(envelope));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/** A classic script runs before the renderer's module script, so the bridge is there first. */
function injectBridge(html: string): string {
  return html.replace('<script', `<script src="${BRIDGE_PATH}"></script>\n    <script`);
}

async function bundleBridge(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'bridge.ts'), formats: ['iife'], name: 'ReportDeskBridge' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('Could not bundle the browser bridge');
}
